package dev.longtail.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus locator on files these tests write: the order of the places it looks in, the user cache, and the
 * download path against a local HTTP server on 127.0.0.1 (checksum, progress, refusal, no network).
 */
class CorpusLocatorTest {

    private static final byte[] CORPUS = corpusBytes();

    @TempDir
    Path dir;
    private Path root;
    private Path home;
    private final Map<String, String> environment = new HashMap<>();
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] served = CORPUS;
    private int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        root = Files.createDirectories(dir.resolve("work/longtail"));
        home = Files.createDirectories(dir.resolve("home"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/valid.txt", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, status == 200 ? served.length : -1);
            try (OutputStream body = exchange.getResponseBody()) {
                if (status == 200) {
                    body.write(served);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldTakeTheArgumentThenTheVariableThenTheDevelopmentCopyThenTheCache() throws IOException {
        Path argument = write(dir.resolve("argument.txt"));
        Path variable = write(dir.resolve("variable.txt"));
        Path development = write(dir.resolve("work/shared/data/wikitext-2/valid.txt"));
        Path cache = write(home.resolve(".cache/longtail/wikitext-2/valid.txt"));
        environment.put(CorpusLocator.CORPUS_ENV, variable.toString());

        assertEquals(new LocatedCorpus(argument, "from --corpus"), locator().locate(argument, true));
        assertEquals(new LocatedCorpus(variable, "from LONGTAIL_CORPUS"), locator().locate(null, true));
        environment.remove(CorpusLocator.CORPUS_ENV);
        assertEquals(new LocatedCorpus(development, "development copy"), locator().locate(null, true));
        Files.delete(development);
        assertEquals(new LocatedCorpus(cache, "user cache"), locator().locate(null, true));
        assertEquals(0, requests.get(), "nothing is downloaded while a copy is found");
    }

    @Test
    void shouldPrintWhichFileItFoundAndHow() throws IOException {
        Path development = write(dir.resolve("work/shared/data/wikitext-2/valid.txt"));
        locator().locate(null, true);
        assertEquals("corpus: " + development + " (development copy)\n", printed());
    }

    @Test
    void shouldStopWhenANamedFileIsMissingRatherThanLookElsewhere() throws IOException {
        write(dir.resolve("work/shared/data/wikitext-2/valid.txt"));
        CorpusNotFoundException byArgument = assertThrows(CorpusNotFoundException.class,
                () -> locator().locate(dir.resolve("typo.txt"), true));
        assertTrue(byArgument.getMessage().contains("--corpus is not a file: " + dir.resolve("typo.txt")), byArgument.getMessage());
        environment.put(CorpusLocator.CORPUS_ENV, dir.resolve("moved.txt").toString());
        CorpusNotFoundException byVariable = assertThrows(CorpusNotFoundException.class, () -> locator().locate(null, true));
        assertTrue(byVariable.getMessage().contains("LONGTAIL_CORPUS is not a file: " + dir.resolve("moved.txt")),
                byVariable.getMessage());
    }

    @Test
    void shouldKeepTheCacheUnderAnAbsoluteXdgCacheHomeAndIgnoreARelativeOne() {
        assertEquals(home.resolve(".cache/longtail/wikitext-2/valid.txt"), locator().cacheFile());
        environment.put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
        assertEquals(dir.resolve("xdg/longtail/wikitext-2/valid.txt"), locator().cacheFile());
        environment.put("XDG_CACHE_HOME", "relative/cache");
        assertEquals(home.resolve(".cache/longtail/wikitext-2/valid.txt"), locator().cacheFile());
    }

    @Test
    void shouldFindTheDevelopmentCopyBesideTheProjectRoot() {
        assertEquals(dir.resolve("work/shared/data/wikitext-2/valid.txt"), locator().developmentCopy());
    }

    @Test
    void shouldDownloadIntoTheCacheOnceVerifiedAndShowProgress() throws IOException {
        environment.put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
        Path cache = dir.resolve("xdg/longtail/wikitext-2/valid.txt");

        LocatedCorpus downloaded = locator().locate(null, true);

        assertEquals(cache, downloaded.file());
        assertEquals("downloaded from " + source().uri() + " into the user cache", downloaded.origin());
        assertArrayEquals(CORPUS, Files.readAllBytes(cache));
        assertEquals(List.of(cache), filesIn(cache.getParent()), "no partial file is left beside it");
        String progress = printed();
        assertTrue(progress.startsWith("downloading test corpus from " + source().uri() + "\n"), progress);
        assertTrue(progress.contains(String.format(Locale.ROOT, "\r  %,d / %,d bytes\n", CORPUS.length, CORPUS.length)), progress);
        assertTrue(progress.endsWith(downloaded.describe() + "\n"), progress);

        assertEquals(new LocatedCorpus(cache, "user cache"), locator().locate(null, true));
        assertEquals(1, requests.get(), "the second run reads the cache");
    }

    @Test
    void shouldDiscardADownloadWhoseChecksumDiffers() throws IOException {
        served = "not the corpus\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path cache = home.resolve(".cache/longtail/wikitext-2/valid.txt");

        CorpusNotFoundException e = assertThrows(CorpusNotFoundException.class, () -> locator().locate(null, true));

        assertTrue(e.getMessage().contains("SHA-256 is " + sha256(served) + ", not the expected " + sha256(CORPUS)
                + "; it was discarded"), e.getMessage());
        assertFalse(Files.exists(cache));
        assertEquals(List.of(), filesIn(cache.getParent()), "no partial file is left behind");
    }

    @Test
    void shouldNotDownloadWhenTheUserRefuses() {
        CorpusNotFoundException byFlag = assertThrows(CorpusNotFoundException.class, () -> locator().locate(null, false));
        assertTrue(byFlag.getMessage().contains(": not tried, downloads are off (--no-download)"), byFlag.getMessage());
        environment.put(CorpusLocator.NO_DOWNLOAD_ENV, "1");
        CorpusNotFoundException byVariable = assertThrows(CorpusNotFoundException.class, () -> locator().locate(null, true));
        assertTrue(byVariable.getMessage().contains(": not tried, downloads are off (LONGTAIL_NO_DOWNLOAD is set)"),
                byVariable.getMessage());
        assertEquals(0, requests.get());
        environment.put(CorpusLocator.NO_DOWNLOAD_ENV, "false");
        locator().locate(null, true);
        assertEquals(1, requests.get());
    }

    @Test
    void shouldSayWhereItLookedAndWhereToPutTheFileWhenTheSourceIsUnreachable() throws IOException {
        URI unreachable;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachable = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/valid.txt");
        }
        CorpusSource source = source().at(unreachable);
        CorpusLocator offline = new CorpusLocator(root, environment::get, home, source, new PrintStream(messages, true));

        String message = assertThrows(CorpusNotFoundException.class, () -> offline.locate(null, true)).getMessage();

        Path cache = home.resolve(".cache/longtail/wikitext-2/valid.txt");
        assertEquals(String.join("\n",
                "cannot find the reference corpus, test corpus. Tried, in order:",
                "  1. --corpus FILE: not given",
                "  2. LONGTAIL_CORPUS: not set",
                "  3. development copy " + dir.resolve("work/shared/data/wikitext-2/valid.txt") + ": no such file",
                "  4. user cache " + cache + ": no such file"),
                message.lines().limit(5).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertTrue(message.lines().skip(5).findFirst().orElseThrow()
                .matches("  5\\. download from " + Pattern.quote(unreachable.toString())
                        + ": failed, ConnectException.*\\(no network, or the host is unreachable from here\\)"), message);
        assertTrue(message.endsWith(String.format(Locale.ROOT, "Put the file (%,d bytes, SHA-256 %s, from %s) at%n  %s%n"
                + "or set LONGTAIL_CORPUS=/path/to/valid.txt, or pass --corpus /path/to/valid.txt.",
                CORPUS.length, sha256(CORPUS), unreachable, cache)), message);
        assertFalse(Files.exists(cache));
    }

    @Test
    void shouldReportAnHttpErrorAsAFailedDownload() {
        status = 404;
        String message = assertThrows(CorpusNotFoundException.class, () -> locator().locate(null, true)).getMessage();
        assertTrue(message.contains(": failed, IOException: HTTP 404 from " + source().uri()), message);
    }

    private CorpusLocator locator() {
        return new CorpusLocator(root, environment::get, home, source(), new PrintStream(messages, true, StandardCharsets.UTF_8));
    }

    private CorpusSource source() {
        return new CorpusSource("test corpus", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/valid.txt"),
                CORPUS.length, sha256(CORPUS));
    }

    private String printed() {
        return messages.toString(StandardCharsets.UTF_8);
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, List.of(" = Article = ", " A line of " + file.getFileName() + " . "));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** About 300 KB of WikiText-style text: several reads of the download buffer. */
    private static byte[] corpusBytes() {
        StringBuilder text = new StringBuilder();
        for (int a = 0; a < 600; a++) {
            text.append(" = Article ").append(a).append(" = \n");
            text.append(" The article number ").append(a).append(" has a line of ordinary words in it . \n".repeat(10));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
