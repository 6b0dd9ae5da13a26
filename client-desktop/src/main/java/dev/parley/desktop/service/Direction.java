package dev.parley.desktop.service;

/** Whether a message was written on this device or received from the contact. */
public enum Direction {
    OUTGOING, INCOMING
}
