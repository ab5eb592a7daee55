package dev.longtail.core.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The exact-duplicate key of {@link TextFingerprint} as two longs (the first 128 bits of the SHA-256 of the
 * normalised text), so that millions of them fit in a primitive set; {@link #hex()} equals
 * {@link TextFingerprint#of(String)} of the same text.
 */
public record Fingerprint(long high, long low) {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    /** The fingerprint of a text (null is treated as empty). */
    public static Fingerprint of(String text) {
        String normalised = TextFingerprint.normalise(text == null ? "" : text);
        MessageDigest digest = SHA256.get();
        byte[] hash = digest.digest(normalised.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buffer = ByteBuffer.wrap(hash);
        return new Fingerprint(buffer.getLong(), buffer.getLong());
    }

    /** 32 lower-case hex characters, as stored in the decision table. */
    public String hex() {
        return String.format("%016x%016x", high, low);
    }
}
