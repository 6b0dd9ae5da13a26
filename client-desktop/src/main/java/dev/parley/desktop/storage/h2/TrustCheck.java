package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses a database that contains objects Parley never creates and that could run code or reach outside the file:
 * triggers, aliases and other routines, extra schemas, and anything in PUBLIC that is not a plain table.
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
        }
    }
}
