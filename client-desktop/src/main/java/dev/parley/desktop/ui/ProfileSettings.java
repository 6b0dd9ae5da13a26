package dev.parley.desktop.ui;

import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.settings.SettingsValues;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop preferences of one profile in {@code <profile>/desktop.properties}: theme, notifications, typing
 * indicators and auto-lock minutes. Nothing secret or personal is in it. Written atomically; a damaged or missing
 * file reads as the defaults. Read receipts and typing indicators follow the account (issue #17): the profile's
 * encrypted settings store is their home, and the value kept here for typing indicators is overruled by it.
 */
final class ProfileSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileSettings.class);
    static final String FILE = "desktop.properties";

    private final Path file;

    ProfileSettings(Path profileDir) {
        this.file = profileDir.resolve(FILE);
    }

    SettingsValues load() {
        SettingsValues d = SettingsValues.defaults();
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new SettingsValues(d.readReceipts(),
                    bool(p, "typingIndicators", d.typingIndicators()), bool(p, "notifications", d.notifications()),
                    bool(p, "notificationText", d.notificationText()),
                    Theme.parse(p.getProperty("theme", d.theme().name())),
                    Integer.parseInt(p.getProperty("autoLockMinutes", Integer.toString(d.autoLockMinutes()))));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("desktop settings unreadable, using defaults: {}", e.getClass().getSimpleName());
            return d;
        }
    }

    void save(SettingsValues v) throws IOException {
        Properties p = new Properties();
        p.setProperty("typingIndicators", Boolean.toString(v.typingIndicators()));
        p.setProperty("notifications", Boolean.toString(v.notifications()));
        p.setProperty("notificationText", Boolean.toString(v.notificationText()));
        p.setProperty("theme", v.theme().name());
        p.setProperty("autoLockMinutes", Integer.toString(v.autoLockMinutes()));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Parley desktop settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean bool(Properties p, String key, boolean fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + key);
        }
        return Boolean.parseBoolean(v);
    }
}
