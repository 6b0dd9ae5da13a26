package dev.parley.relay.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the cluster's PostgreSQL is: {@code postgresql://HOST:PORT/DATABASE?user=NAME}. The password never comes from
 * the URI (command lines are visible to every local user and kept in shell history): it is passed separately, read
 * from an environment variable or a file.
 */
public record PostgresLocation(String host, int port, String database, String user, Optional<char[]> password) {
    public static final int DEFAULT_PORT = 5432;

    public PostgresLocation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** @throws IllegalArgumentException naming what is wrong (never echoing a password) */
    public static PostgresLocation parse(String uri, Optional<char[]> password) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--store: expected postgresql://HOST:PORT/DATABASE?user=NAME");
        }
        if (!"postgresql".equals(parsed.getScheme()) || parsed.getHost() == null) {
            throw new IllegalArgumentException("--store: expected postgresql://HOST:PORT/DATABASE?user=NAME");
        }
        if (parsed.getUserInfo() != null) {
            throw new IllegalArgumentException("--store: put no user or password before the host; the password comes "
                    + "from PARLEY_RELAY_STORE_PASSWORD or --store-password-file");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("--store: name the database, e.g. postgresql://db:5432/parley?user=parley");
        }
        String user = null;
        if (parsed.getRawQuery() != null) {
            for (String pair : parsed.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if ("user".equals(name)) {
                    user = value;
                } else if ("password".equals(name)) {
                    throw new IllegalArgumentException("--store: never put the password on the command line; use "
                            + "PARLEY_RELAY_STORE_PASSWORD or --store-password-file");
                } else {
                    throw new IllegalArgumentException("--store: unknown parameter '" + name + "' (only user is read)");
                }
            }
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("--store: add ?user=NAME");
        }
        return new PostgresLocation(parsed.getHost(), parsed.getPort() < 0 ? DEFAULT_PORT : parsed.getPort(), database,
                user, password);
    }

    String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /** Host, port, database and user; never the password. */
    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresLocation other && host.equals(other.host) && port == other.port
                && database.equals(other.database) && user.equals(other.user)
                && Arrays.equals(password.orElse(null), other.password.orElse(null));
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user);
    }
}
