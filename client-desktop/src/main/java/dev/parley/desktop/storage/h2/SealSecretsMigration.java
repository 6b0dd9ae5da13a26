package dev.parley.desktop.storage.h2;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V25: seals every existing row of the {@code secrets} table (finding 15) with the profile's
 * {@link SecretSealer}, and widens the value column by the seal's overhead. It needs the file key, so it is a Java
 * migration registered by {@link SchemaMigrator} with the open database's sealer, not a SQL file. Flyway runs it once,
 * in one transaction: a crash leaves every row as it was.
 */
final class SealSecretsMigration extends ProfileJavaMigration {
    static final String VERSION = "25";

    private final SecretSealer sealer;

    SealSecretsMigration(SecretSealer sealer) {
        super(VERSION, "seal secrets");
        this.sealer = sealer;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE secrets ALTER COLUMN secret_value SET DATA TYPE VARBINARY("
                    + SecretRows.SEALED_COLUMN_BYTES + ")");
        }
        SecretRows.rewriteAll(c, sealer::seal);
    }
}
