package dev.parley.desktop.storage.h2;

import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    static {
        System.setProperty("h2.allowedClasses", ALLOWED_CLASSES);
    }

    private H2Hardening() {
    }

    /**
     * Sets the property (in the static initialiser) and verifies H2 picked it up. If another component of the same
     * JVM initialised H2 first (an in-process relay in a test), a different restrictive list is accepted with a
     * warning; a list that allows every class ("*") is refused.
     */
    static void apply() {
        String effective = org.h2.engine.SysProperties.ALLOWED_CLASSES;
        if (ALLOWED_CLASSES.equals(effective)) {
            return;
        }
        for (String entry : effective.split(",")) {
            if (entry.strip().equals("*")) {
                LOG.error("H2 was initialised with h2.allowedClasses=* before the storage layer could restrict it");
                throw new IllegalStateException("H2 was loaded before h2.allowedClasses could be restricted; set "
                        + "-Dh2.allowedClasses=" + ALLOWED_CLASSES + " or open a profile before other H2 users");
            }
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("H2 was initialised with another h2.allowedClasses list before the storage layer");
        }
    }
}
