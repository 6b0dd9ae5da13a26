package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses a database that contains objects Parley never creates and that could run code or reach outside the file:
 * triggers, aliases and other routines, extra schemas, and anything in PUBLIC that is not a plain table.
 *
 * <p>Two independent views are checked: the INFORMATION_SCHEMA tables, and the DDL that {@code SCRIPT NODATA}
 * regenerates from the metadata. The second is needed because an alias whose class H2 may not load (see
 * {@link H2Hardening}) is absent from INFORMATION_SCHEMA.ROUTINES but still present in the file.
 */
final class TrustCheck {
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

    private TrustCheck() {
    }

    static void verify(Connection connection) throws DatabaseOpenException, SQLException {
        try (Statement st = connection.createStatement()) {
            for (String[] check : CHECKS) {
                try (ResultSet rs = st.executeQuery(check[0])) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new DatabaseOpenException(Reason.UNTRUSTED,
                                "the database contains " + check[1] + " that Parley never creates");
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    String ddl = rs.getString(1).strip().toUpperCase(Locale.ROOT);
                    if (FORBIDDEN_DDL.matcher(ddl).matches()) {
                        throw new DatabaseOpenException(Reason.UNTRUSTED,
                                "the database defines objects that Parley never creates");
                    }
                }
            }
        }
    }
}
