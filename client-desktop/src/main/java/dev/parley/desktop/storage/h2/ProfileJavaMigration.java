package dev.parley.desktop.storage.h2;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * What every Java migration of the profile database ({@link SchemaMigrator} registers them) says to Flyway the same
 * way: its version and description, no checksum (the code is the migration; there is no SQL text to check) and that
 * Flyway runs it inside a transaction (a migration that commits ranges of its own says so in its Javadoc).
 */
abstract class ProfileJavaMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    ProfileJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
