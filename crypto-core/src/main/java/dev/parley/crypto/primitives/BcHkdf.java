package dev.parley.crypto.primitives;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA-256 (RFC 5869) on BouncyCastle's {@link HKDFBytesGenerator}; a null or empty salt means HashLen zeros. */
final class BcHkdf implements Hkdf {

    @Override
    public byte[] deriveSha256(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        HkdfArguments.check(inputKeyMaterial, length);
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(inputKeyMaterial, salt == null || salt.length == 0 ? null : salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
