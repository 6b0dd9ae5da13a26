package dev.parley.desktop.storage.h2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restricts which classes H2 may load on behalf of database content (trigger classes, {@code CREATE ALIAS ... FOR}
 * targets, Java object deserialisation, JDBC drivers of linked tables). H2 reads {@code h2.allowedClasses} once, when
 * its {@code SysProperties} class initialises, so {@link #apply()} must run before any H2 class is touched; every
 * entry point of this package calls it first, and it fails loudly if H2 was initialised earlier with another value.
 */
final class H2Hardening {
    /** A package prefix that contains no classes: nothing may be loaded by name. */
    static final String ALLOWED_CLASSES = "dev.parley.desktop.storage.h2.nothing.";
    private static final Logger LOG = LoggerFactory.getLogger(H2Hardening.class);

    static {
        System.setProperty("h2.allowedClasses", ALLOWED_CLASSES);
    }

    private H2Hardening() {
    }

    /** Sets the property (in the static initialiser) and verifies H2 picked it up. */
    static void apply() {
        String effective = org.h2.engine.SysProperties.ALLOWED_CLASSES;
        if (!ALLOWED_CLASSES.equals(effective)) {
            LOG.error("H2 was initialised before the storage layer could restrict h2.allowedClasses");
            throw new IllegalStateException("H2 was loaded before h2.allowedClasses could be restricted");
        }
    }
}
