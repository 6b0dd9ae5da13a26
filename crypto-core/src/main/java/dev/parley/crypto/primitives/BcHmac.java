package dev.parley.crypto.primitives;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA-256 (RFC 2104) on BouncyCastle's {@link HMac} with {@link SHA256Digest}; keys of any length. */
final class BcHmac implements Hmac {

    @Override
    public byte[] sha256(byte[] key, byte[] data) {
        Inputs.notNull(key, "HMAC key");
        Inputs.notNull(data, "data");
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[SHA256_BYTES];
        mac.doFinal(out, 0);
        mac.reset();
        return out;
    }

    @Override
    public boolean verifySha256(byte[] key, byte[] data, byte[] tag) {
        return TruncatedTag.matches(sha256(key, data), tag);
    }
}
