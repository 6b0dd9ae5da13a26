/**
 * Chunked encryption of files (attachments) with a fresh key per file, Signal's size padding and a digest of the
 * ciphertext, streaming both ways (docs/protocol.md, 1.11). The relay stores only the ciphertext; the key, the digest
 * and the size travel to the recipient inside an end-to-end encrypted {@code Payload.Attachment}.
 */
package dev.parley.crypto.attachment;
