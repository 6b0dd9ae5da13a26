package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import java.io.ByteArrayOutputStream;

/** HKDF-SHA-256 exactly as RFC 5869 (extract then expand) on top of a provider's {@link Hmac}. */
final class Rfc5869Hkdf implements Hkdf {
    private static final byte[] ZERO_SALT = new byte[Hmac.SHA256_BYTES];
    private final Hmac hmac;

    Rfc5869Hkdf(Hmac hmac) {
        this.hmac = hmac;
    }

    @Override
    public byte[] deriveSha256(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        HkdfArguments.check(inputKeyMaterial, length);
        byte[] prk = hmac.sha256(salt == null || salt.length == 0 ? ZERO_SALT : salt, inputKeyMaterial);
        byte[] previous = new byte[0];
        byte[] infoBytes = info == null ? new byte[0] : info;
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length + Hmac.SHA256_BYTES);
        try {
            for (int counter = 1; okm.size() < length; counter++) {
                byte[] block = new byte[previous.length + infoBytes.length + 1];
                System.arraycopy(previous, 0, block, 0, previous.length);
                System.arraycopy(infoBytes, 0, block, previous.length, infoBytes.length);
                block[block.length - 1] = (byte) counter;
                SecretBytes.wipe(previous);
                previous = hmac.sha256(prk, block);
                SecretBytes.wipe(block);
                okm.write(previous, 0, Math.min(previous.length, length - okm.size()));
            }
            return okm.toByteArray();
        } finally {
            SecretBytes.wipe(prk);
            SecretBytes.wipe(previous);
        }
    }
}
