package dev.parley.relay.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The relay treats its database file as untrusted input, like the desktop client treats its profile database.
 * {@link #restrictClassLoading()} sets {@code h2.allowedClasses} to a package without classes before H2 initialises,
 * so the file cannot make H2 load any class by name (trigger and aliased-method classes, deserialised Java objects,
 * JDBC drivers of linked tables); {@link #verify(Connection)} refuses a file that holds triggers, aliases, routines,
 * foreign schemas, views, links or synonyms, none of which the relay ever creates.
 *
 * <p>Known limit, as for the client: a trigger written as Java source is compiled (in-process when the runtime has
 * {@code jdk.compiler}, else by a {@code javac} found on the PATH) while H2 opens the file, before any check can
 * run. Only someone who can write the relay's private data directory can plant one (see {@link DataDirectory}),
 * and with an encrypted database ({@code CIPHER=AES}) only someone who also holds its key.
 */
final class H2Trust {
    /** A package prefix that contains no classes: nothing may be loaded by name. */
    static final String ALLOWED_CLASSES = "dev.parley.relay.store.nothing.";

    private static final String[][] CHECKS = {
        {"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS", "triggers"},
        {"SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES", "aliases or functions"},
        {"SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA "
                + "WHERE SCHEMA_NAME NOT IN ('PUBLIC', 'INFORMATION_SCHEMA')", "foreign schemas"},
        {"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE <> 'BASE TABLE'", "views, links or synonyms"},
    };

    private static final Pattern FORBIDDEN_DDL = Pattern.compile(
            "CREATE\\s+(FORCE\\s+)?(ALIAS|TRIGGER|AGGREGATE|(LOCAL\\s+|GLOBAL\\s+)?(TEMPORARY\\s+)?LINKED)\\b.*"
                    + "|CREATE\\s+(OR\\s+REPLACE\\s+)?(FORCE\\s+)?VIEW\\b.*|CREATE\\s+SYNONYM\\b.*"
                    + "|CREATE\\s+(DOMAIN|CONSTANT)\\b.*"
                    + "|CREATE\\s+SCHEMA\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(?!\"PUBLIC\")\\S+.*",
            Pattern.DOTALL);

    static {
        if (System.getProperty("h2.allowedClasses") == null) {
            System.setProperty("h2.allowedClasses", ALLOWED_CLASSES);
        }
    }

    private H2Trust() {
    }

    /**
     * Runs the static initialiser (before any H2 class is touched) and checks what H2 actually uses: any restrictive
     * list is accepted (the desktop's, when its storage initialised H2 first in the same JVM), "*" is refused.
     */
    static void restrictClassLoading() {
        for (String entry : org.h2.engine.SysProperties.ALLOWED_CLASSES.split(",")) {
            if (entry.strip().equals("*")) {
                throw new IllegalStateException("H2 was initialised with h2.allowedClasses=* before the relay could "
                        + "restrict it; start the JVM with -Dh2.allowedClasses=" + ALLOWED_CLASSES);
            }
        }
    }

    /** @throws UntrustedDatabaseException when the file holds an object the relay never creates */
    static void verify(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String[] check : CHECKS) {
                try (ResultSet rs = st.executeQuery(check[0])) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new UntrustedDatabaseException("the relay database contains " + check[1]
                                + " that the relay never creates");
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    if (FORBIDDEN_DDL.matcher(rs.getString(1).strip().toUpperCase(Locale.ROOT)).matches()) {
                        throw new UntrustedDatabaseException("the relay database defines objects that the relay "
                                + "never creates");
                    }
                }
            }
        }
    }

    /** The database file holds objects the relay never creates; it was refused before the relay wrote to it. */
    static final class UntrustedDatabaseException extends SQLException {
        UntrustedDatabaseException(String message) {
            super(message);
        }
    }
}
