package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the Flyway migrations in {@code classpath:db/migration} ({@code V1__initial_schema.sql}, ...). Flyway 11's
 * core module supports H2 itself. It gets its own connection to the already open database (same URL and
 * credentials).
 */
final class SchemaMigrator {
    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrator() {
    }

    /** Migrates and wipes {@code password}; {@code sealer} seals existing protocol state (V25). */
    static void migrate(String url, String user, char[] password, SecretSealer sealer) throws DatabaseOpenException {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPasswordChars(password);
        try {
            Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(ds)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .javaMigrations(new SealSecretsMigration(sealer))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseOpenException(Reason.CORRUPT, "the database schema could not be migrated", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
