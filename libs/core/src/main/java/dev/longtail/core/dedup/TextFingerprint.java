package dev.longtail.core.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Exact-duplicate key of a text: texts that differ only in case, punctuation or spacing share it.
 *
 * <p>The text is normalised (lower-cased, every character that is not a letter, digit or whitespace
 * dropped, whitespace runs collapsed to one space, trimmed), hashed with SHA-256, and the first 16 bytes
 * are written as 32 lower-case hex characters: 128 bits keep accidental collisions out of reach
 * (birthday bound about 2^64 texts) at half the storage of the full digest.
 */
public final class TextFingerprint {

    private TextFingerprint() {
    }

    /** The 32-hex-character fingerprint of the normalised text (null is treated as empty). */
    public static String of(String text) {
        String normalised = normalise(text == null ? "" : text);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The normal form that is hashed; public so that callers can show what two texts have in common. */
    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean pendingSpace = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && sb.length() > 0) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = true;
            }
            // any other character is punctuation or a symbol: dropped without separating words
        }
        return sb.toString();
    }
}
