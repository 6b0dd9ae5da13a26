package dev.parley.desktop.service;

import java.util.Objects;

/**
 * What the user compares with a contact to verify the session.
 *
 * @param contact   the contact's username
 * @param digits    the safety number as digit groups (identical on both sides)
 * @param qrPayload the text to encode in a QR code for scanning
 * @param identityKey the contact's identity key this number was computed for: pass it back to
 *                    {@link ContactService#markVerified} or {@link ContactService#acknowledgeIdentityChange}, which act
 *                    only if it is still the key in question
 */
public record SafetyNumberView(String contact, String digits, String qrPayload, byte[] identityKey) {
    public SafetyNumberView {
        Objects.requireNonNull(contact);
        Objects.requireNonNull(digits);
        Objects.requireNonNull(qrPayload);
        identityKey = identityKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    /** True if {@code typed} is this safety number, ignoring spaces. */
    public boolean matches(String typed) {
        return typed != null && digits.replaceAll("\\s", "").equals(typed.replaceAll("\\s", ""));
    }
}
