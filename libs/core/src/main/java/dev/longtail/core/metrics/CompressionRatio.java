package dev.longtail.core.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compression ratio: the UTF-8 size of the texts (joined by newlines) over their gzip size at the highest
 * level. Repetitive corpora compress better, so the ratio rises as a corpus collapses (Shaib et al. 2024,
 * "Standardizing the Measurement of Text Diversity", recommend it as a cheap, robust diversity score).
 */
public final class CompressionRatio {

    private CompressionRatio() {
    }

    /** raw bytes / gzip bytes; 0 for an empty corpus. */
    public static double of(List<String> texts) {
        byte[] raw = String.join("\n", texts).getBytes(StandardCharsets.UTF_8);
        if (raw.length == 0) {
            return 0.0;
        }
        return (double) raw.length / gzipSize(raw);
    }

    static int gzipSize(byte[] raw) {
        var out = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (OutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
