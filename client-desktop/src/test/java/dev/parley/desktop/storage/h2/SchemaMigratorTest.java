package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.storage.EventPublisher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a profile skips Flyway only when its schema is exactly current; every other state goes through Flyway.
 */
class SchemaMigratorTest {
    @TempDir
    Path dir;

    @Test
    void latestVersionIsTheNewestMigrationFlywayFinds() {
        String url = "jdbc:h2:file:" + dir.resolve("scan").toAbsolutePath();
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1))) {
            MigrationInfo[] all = flyway(url, sealer, "latest").info().all();
            MigrationVersion newest = Arrays.stream(all).map(MigrationInfo::getVersion)
                    .max(MigrationVersion::compareTo).orElseThrow();
            assertThat(newest).isEqualTo(MigrationVersion.fromVersion(SchemaMigrator.LATEST_VERSION));
        }
    }

    @Test
    void onlyAFullyMigratedHistoryIsCurrent() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("states").toAbsolutePath();
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), TestKeys.key(1));
             Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(SchemaMigrator.isCurrent(c)).as("no history at all").isFalse();
            flyway(url, sealer, "6").migrate();
            assertThat(SchemaMigrator.isCurrent(c)).as("behind").isFalse();
            flyway(url, sealer, "latest").migrate();
            assertThat(SchemaMigrator.isCurrent(c)).as("migrated").isTrue();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                        + "\"type\", \"script\", \"installed_by\", \"execution_time\", \"success\") "
                        + "VALUES (1000, '9999', 'from a newer parley', 'SQL', 'V9999__x.sql', 'sa', 1, TRUE)");
                assertThat(SchemaMigrator.isCurrent(c)).as("written by a newer Parley").isFalse();
                s.execute("UPDATE \"flyway_schema_history\" SET \"version\" = '"
                        + SchemaMigrator.LATEST_VERSION + "', \"success\" = FALSE WHERE \"installed_rank\" = 1000");
                assertThat(SchemaMigrator.isCurrent(c)).as("a failed step").isFalse();
            }
        }
    }

    @Test
    void aProfileMigratedPartwayIsCompletedWhenOpened() throws Exception {
        Path base = dir.resolve("profile");
        DatabaseFiles files = DatabaseFiles.of(base);
        try (Connection c = TestKeys.connect(files, true, false, TestKeys.key(1))) {
            OldProfiles.migrateTo(files, TestKeys.key(1), "6");
            assertThat(SchemaMigrator.isCurrent(c)).isFalse();
        }
        H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE).close();
        try (Connection c = TestKeys.connect(files, false, false, TestKeys.key(1))) {
            assertThat(SchemaMigrator.isCurrent(c)).isTrue();
        }
    }

    private static Flyway flyway(String url, SecretSealer sealer, String target) {
        return Flyway.configure(SchemaMigratorTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations(SchemaMigrator.LOCATION).javaMigrations(SchemaMigrator.javaMigrations(sealer))
                .target(target).load();
    }
}
