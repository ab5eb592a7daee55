package dev.longtail.bench.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads a {@link CorpusSource} with the JDK's HttpClient into a temporary file beside its destination, checks
 * its SHA-256, and only then moves it into place, so the destination never holds a partial or wrong file. Progress
 * (bytes / total) goes to one line of {@code progress}.
 */
final class CorpusDownload {

    /** A file whose bytes are not the ones the source names. */
    static final class ChecksumMismatchException extends IOException {

        private static final long serialVersionUID = 1L;

        ChecksumMismatchException(String message) {
            super(message);
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final PrintStream progress;
    private final HttpClient client;

    CorpusDownload(PrintStream progress) {
        this.progress = progress;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** Downloads {@code source} to {@code destination} (parent folders created); nothing is left behind on failure. */
    void fetch(CorpusSource source, Path destination) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source.uri()).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + source.uri());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(source.size());
            Path folder = Files.createDirectories(destination.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(folder, destination.getFileName() + ".", ".part");
            try {
                progress.println("downloading " + source.name() + " from " + source.uri());
                String sha256 = copy(body, partial, total);
                if (!sha256.equals(source.sha256())) {
                    throw new ChecksumMismatchException("the downloaded file's SHA-256 is " + sha256
                            + ", not the expected " + source.sha256() + "; it was discarded");
                }
                move(partial, destination);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Copies the body into {@code file}, reporting progress; returns the SHA-256 of what was copied. */
    private String copy(InputStream body, Path file, long total) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        long lastReport = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                copied += n;
                if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                    report(copied, total, false);
                    lastReport = System.nanoTime();
                }
            }
        }
        report(copied, total, true);
        return HexFormat.of().formatHex(digest.digest());
    }

    private void report(long copied, long total, boolean last) {
        // carriage return: the line updates in place on a terminal; the last report ends it
        progress.print(String.format(Locale.ROOT, "\r  %,d / %,d bytes%s", copied, total, last ? "\n" : ""));
        progress.flush();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
