package dev.parley.crypto;

/** The release number every Parley program prints for {@code --version}, as {@code NAME NUMBER}. */
public final class ParleyVersion {
    /** The Maven project version without -SNAPSHOT; change both together. */
    public static final String NUMBER = "0.1.0";

    private ParleyVersion() {
    }
}
