package dev.parley.relay.store;

/**
 * For tests that open a relay H2 file with plain JDBC before any relay has started in the JVM: H2 reads its
 * class-loading restriction once, so the relay's restriction must be in place before the test's first connection
 * (otherwise the relay started later refuses to run, as it should, and the test only passes after other tests).
 */
public final class H2TrustForTests {
    private H2TrustForTests() {
    }

    public static void restrictClassLoading() {
        H2Trust.restrictClassLoading();
    }
}
