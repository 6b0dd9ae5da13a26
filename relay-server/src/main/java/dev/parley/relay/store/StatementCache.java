package dev.parley.relay.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A view of the writer thread's connection whose {@code prepareStatement} returns cached statements, so SQL is
 * parsed once rather than per operation; closing such a statement only clears it for the next use. Confined to
 * the writer thread.
 */
final class StatementCache {
    private final Connection connection;
    private final Map<List<Object>, PreparedStatement> cache = new HashMap<>();
    private final Connection view;

    StatementCache(Connection connection) {
        this.connection = connection;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    Connection connection() {
        return view;
    }

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        if ("prepareStatement".equals(method.getName()) && args != null && args[0] instanceof String sql
                && (args.length == 1 || (args.length == 2 && args[1] instanceof Integer))) {
            List<Object> key = List.of(sql, args.length == 2 ? args[1] : -1);
            PreparedStatement statement = cache.get(key);
            if (statement == null) {
                statement = args.length == 1 ? connection.prepareStatement(sql) : connection.prepareStatement(sql, (Integer) args[1]);
                cache.put(key, statement);
            }
            return reusable(statement);
        }
        return invoke(connection, method, args);
    }

    private static PreparedStatement reusable(PreparedStatement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            if ("close".equals(method.getName()) && (args == null || args.length == 0)) {
                statement.clearParameters();
                statement.clearBatch();
                return null;
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
