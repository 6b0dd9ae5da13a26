package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MigrationProgress;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Applies the Flyway migrations in {@code classpath:db/migration} ({@code V1__initial_schema.sql}, ...). Flyway 11's
 * core module supports H2 itself. It gets its own connection to the already open database (same URL and
 * credentials).
 *
 * <p>Flyway's scan and validation cost about a second of a CLI command's start, so a profile whose history already
 * ends at {@link #LATEST_VERSION} with no failed step is opened without it ({@link #isCurrent}).
 */
final class SchemaMigrator {
    static final String LOCATION = "classpath:db/migration";
    /**
     * The newest migration's version. Raise it with every new migration: {@code SchemaMigratorTest} fails while it
     * differs from the newest migration Flyway finds.
     */
    static final String LATEST_VERSION = "92";
    private static final String HISTORY = "flyway_schema_history";
    /** What {@link MigrationProgress} is told when the migration starts, before any step reports. */
    static final String STEP = "Updating the database";

    private SchemaMigrator() {
    }

    /** Migrates and wipes {@code password}; {@code sealer} seals existing protocol state (V25). */
    static void migrate(String url, String user, char[] password, SecretSealer sealer) throws DatabaseOpenException {
        migrate(url, user, password, sealer, null, MigrationProgress.NONE);
    }

    /**
     * As {@link #migrate(String, String, char[], SecretSealer)}, up to {@code target} only (null: the newest). A
     * restore builds the schema of the backup's version, loads the rows, then the usual open migrates the rest.
     */
    static void migrate(String url, String user, char[] password, SecretSealer sealer, String target)
            throws DatabaseOpenException {
        migrate(url, user, password, sealer, target, MigrationProgress.NONE);
    }

    /**
     * As {@link #migrate(String, String, char[], SecretSealer, String)}; the long Java migrations report to
     * {@code progress} (on this thread) as they go, and it is told {@code (STEP, 0, 0)} before anything is applied.
     */
    static void migrate(String url, String user, char[] password, SecretSealer sealer, String target,
                        MigrationProgress progress) throws DatabaseOpenException {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPasswordChars(password);
        try {
            progress.update(STEP, 0, 0);
            Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(ds)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .javaMigrations(javaMigrations(sealer, progress))
                    .target(target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseOpenException(Reason.CORRUPT, "the database schema could not be migrated", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The Java migrations, reporting nothing. */
    static org.flywaydb.core.api.migration.JavaMigration[] javaMigrations(SecretSealer sealer) {
        return javaMigrations(sealer, MigrationProgress.NONE);
    }

    /**
     * The Java migrations, in version order: V25 (needs the open database's sealer; a few hundred rows, so it
     * reports nothing), V68 (copies every search word; reports each range to {@code progress}) and V80 (moves them to
     * keys; reports each range too). A new long
     * migration takes {@code progress} in its constructor and walks its rows with {@link SeqRangeCopy}.
     */
    static org.flywaydb.core.api.migration.JavaMigration[] javaMigrations(SecretSealer sealer,
                                                                        MigrationProgress progress) {
        return new org.flywaydb.core.api.migration.JavaMigration[] {
            new SealSecretsMigration(sealer),
            new MessageWordsMigration(progress),
            new SearchWordKeysMigration(progress),
        };
    }

    /** True if a database of schema {@code version} can be built and then migrated by this Parley. */
    static boolean isKnown(String version) {
        try {
            MigrationVersion v = MigrationVersion.fromVersion(version);
            return !v.isNewerThan(MigrationVersion.fromVersion(LATEST_VERSION)) && v.isAtLeast("1");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True when the open database's migration history has no failed step and its newest applied version is exactly
     * {@link #LATEST_VERSION}: then {@link #migrate} would apply nothing. A database without a history, one behind, or
     * one written by a newer Parley (ahead) is not current, and goes through Flyway (which migrates or refuses it).
     */
    static boolean isCurrent(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet table = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + HISTORY + "'")) {
                if (!table.next() || table.getInt(1) != 1) {
                    return false;
                }
            }
            MigrationVersion newest = null;
            try (ResultSet rows = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\"")) {
                while (rows.next()) {
                    if (!rows.getBoolean(2)) {
                        return false;
                    }
                    String version = rows.getString(1);
                    if (version != null) {
                        MigrationVersion v = MigrationVersion.fromVersion(version);
                        newest = newest == null || v.isNewerThan(newest) ? v : newest;
                    }
                }
            }
            return newest != null && newest.equals(MigrationVersion.fromVersion(LATEST_VERSION));
        }
    }
}
