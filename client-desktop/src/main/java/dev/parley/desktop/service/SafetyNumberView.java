package dev.parley.desktop.service;

import java.util.Objects;

/**
 * What the user compares with a contact to verify the session.
 *
 * @param contact   the contact's username
 * @param digits    the safety number as digit groups (identical on both sides)
 * @param qrPayload the text to encode in a QR code for scanning
 */
public record SafetyNumberView(String contact, String digits, String qrPayload) {
    public SafetyNumberView {
        Objects.requireNonNull(contact);
        Objects.requireNonNull(digits);
        Objects.requireNonNull(qrPayload);
    }
}
