package dev.parley.desktop.storage.h2;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A profile database left at an older schema version, as an older Parley wrote it, for migration tests. */
final class OldProfiles {
    private OldProfiles() {
    }

    /**
     * Applies the profile's migrations up to {@code target} (Flyway's version) to the database at {@code files}, whose
     * key is already leased (as {@link TestKeys#connect} does); the Java migrations get a sealer for {@code fileKey}.
     */
    static void migrateTo(DatabaseFiles files, SecretBytes fileKey, String target) throws Exception {
        try (SecretSealer sealer = SecretSealer.forFileKey(CryptoProviders.preferred(), fileKey)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(files.url(false, false));
            ds.setUser(H2StorageOpener.USER);
            ds.setPasswordChars(H2StorageOpener.userPassword());
            Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(ds).locations(SchemaMigrator.LOCATION)
                    .javaMigrations(SchemaMigrator.javaMigrations(sealer)).target(target).load().migrate();
        }
    }

    /** The first column of every row {@code sql} returns, as text, in order. */
    static java.util.List<String> rows(java.sql.Statement s, String sql) throws java.sql.SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
