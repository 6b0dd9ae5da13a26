package dev.parley.relay.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The keys of remembered usernames are the keys computed afresh: HMAC-SHA256(secret, SHA-256(label, 0, name)). */
class UsernameKeyTest {
    private final byte[] secret = new byte[32];
    {
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (7 * i + 1);
        }
    }

    private byte[] expected(String username) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("parley/v1/relay-username\0".getBytes(StandardCharsets.US_ASCII));
        byte[] legacy = sha.digest(username.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return mac.doFinal(legacy);
    }

    @Test
    void aRememberedKeyIsTheComputedKeyAndEveryCallerGetsItsOwnCopy() throws Exception {
        UsernameKey keys = new UsernameKey(secret.clone());
        byte[] first = keys.of("alice");
        assertArrayEquals(expected("alice"), first);
        Arrays.fill(first, (byte) 0);
        assertArrayEquals(expected("alice"), keys.of("alice"));
        assertArrayEquals(expected("bob"), keys.of("bob"));
        assertFalse(Arrays.equals(keys.of("alice"), keys.of("bob")));
    }

    @Test
    void keysStayRightWhenMoreUsernamesAreSeenThanRemembered() throws Exception {
        UsernameKey keys = new UsernameKey(secret.clone());
        int names = UsernameKey.REMEMBERED + 10;
        for (int i = 0; i < names; i++) {
            keys.of("user" + i);
        }
        for (int i : new int[] {0, 1, UsernameKey.REMEMBERED - 1, UsernameKey.REMEMBERED, names - 1}) {
            assertArrayEquals(expected("user" + i), keys.of("user" + i), "user" + i);
        }
    }
}
