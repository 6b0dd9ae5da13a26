package dev.parley.desktop.profile;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import java.nio.file.Path;

/** A profile manager over a temp data directory with cheap Argon2id parameters (tests only). */
final class ProfileFixture {
    static final Argon2Params FAST = new Argon2Params(1024, 1, 1);
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    private ProfileFixture() {
    }

    static ProfileManager manager(Path dataDir) {
        return new ProfileManager(new AppDirectories(dataDir), CRYPTO, FAST);
    }

    static char[] pass(String s) {
        return s.toCharArray();
    }
}
