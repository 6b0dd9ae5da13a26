package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.TamperedSecretException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Rewrites every value of the {@code secrets} table in place: sealing them (migration V25) or re-sealing them. */
final class SecretRows {
    /** The value column's size once sealed: the largest value plus the seal's overhead. */
    static final int SEALED_COLUMN_BYTES = dev.parley.desktop.storage.SecretStore.MAX_VALUE_BYTES
            + SecretSealer.OVERHEAD;

    interface Rewrite {
        byte[] apply(SecretNamespace namespace, String key, byte[] value) throws TamperedSecretException;
    }

    private SecretRows() {
    }

    /** Applies {@code rewrite} to every row on {@code c}; the caller commits. Returns the number of rows. */
    static int rewriteAll(Connection c, Rewrite rewrite) throws SQLException, TamperedSecretException {
        int rows = 0;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT namespace, secret_key, secret_value FROM secrets ORDER BY namespace, secret_key");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE secrets SET secret_value = ? WHERE namespace = ? AND secret_key = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String namespace = rs.getString(1);
                String key = rs.getString(2);
                byte[] value = rs.getBytes(3);
                byte[] rewritten = rewrite.apply(new SecretNamespace(namespace), key, value);
                try {
                    update.setBytes(1, rewritten);
                    update.setString(2, namespace);
                    update.setString(3, key);
                    update.executeUpdate();
                } finally {
                    SecretBytes.wipe(value);
                }
                rows++;
            }
        }
        return rows;
    }

    /** Re-seals every row from {@code from} to {@code to} (a passphrase change gives the file a new key). */
    static int reseal(Connection c, SecretSealer from, SecretSealer to) throws SQLException, TamperedSecretException {
        return rewriteAll(c, (namespace, key, value) -> {
            byte[] plain = from.open(namespace, key, value);
            try {
                return to.seal(namespace, key, plain);
            } finally {
                SecretBytes.wipe(plain);
            }
        });
    }
}
