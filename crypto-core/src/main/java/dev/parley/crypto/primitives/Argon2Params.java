package dev.parley.crypto.primitives;

/**
 * Argon2id cost parameters (RFC 9106). Memory in KiB.
 *
 * @param memoryKiB   memory cost m, at least 8 * parallelism
 * @param iterations  time cost t, at least 1
 * @param parallelism lanes p; libsodium supports only 1
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    /** RFC 9106's second recommended option, scaled to a desktop unlock: 64 MiB, 3 passes, 1 lane. */
    public static final Argon2Params DESKTOP_DEFAULT = new Argon2Params(64 * 1024, 3, 1);

    public Argon2Params {
        if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
    }
}
