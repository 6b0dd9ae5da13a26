package dev.parley.desktop.service;

/** How far the user trusts a contact's identity key. */
public enum TrustState {
    /** Key seen on first use, safety number not compared. */
    UNVERIFIED,
    /** The user compared safety numbers and marked the contact verified. */
    VERIFIED,
    /** The contact's identity key changed since it was last accepted; sending is blocked until acknowledged. */
    IDENTITY_CHANGED
}
