package dev.parley.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Relay migration 3: a Parley 0.1 database filed usernames under an unkeyed SHA-256; from now on every such key is
 * HMAC-SHA256(secret, that hash) ({@link UsernameKey}). Rewrites every username key column in place, in the
 * migration's transaction. Registered with Flyway by {@link H2Database}, which holds the secret.
 */
final class V3__Keyed_username_hashes extends BaseJavaMigration {
    /** Every table and column that holds a username key in schema version 2. */
    private static final String[][] COLUMNS = {
        {"accounts", "username_key"},
        {"one_time_prekeys", "username_key"},
        {"blobs", "recipient_key"},
    };

    private final UsernameKey usernames;

    V3__Keyed_username_hashes(UsernameKey usernames) {
        this.usernames = usernames;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String[] column : COLUMNS) {
            List<byte[]> legacy = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT " + column[1] + " FROM " + column[0])) {
                while (rs.next()) {
                    legacy.add(rs.getBytes(1));
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + column[0] + " SET " + column[1] + " = ? WHERE " + column[1] + " = ?")) {
                for (byte[] key : legacy) {
                    update.setBytes(1, usernames.rekey(key));
                    update.setBytes(2, key);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }
}
