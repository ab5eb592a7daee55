package dev.longtail.bench.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Finds the reference corpus the benchmarks read, in this order: the {@code --corpus} argument; the file named by
 * {@code LONGTAIL_CORPUS}; the development copy {@code ../shared/data/wikitext-2/valid.txt} beside the project
 * root; the user cache {@code ${XDG_CACHE_HOME:-~/.cache}/longtail/wikitext-2/valid.txt}; and last a download of
 * the public source into that cache, unless downloads are refused ({@code --no-download} or
 * {@code LONGTAIL_NO_DOWNLOAD}). A file named outright (argument or variable) that does not exist is an error,
 * never a reason to look elsewhere.
 */
public final class CorpusLocator {

    /** Environment variable naming the corpus file outright. */
    public static final String CORPUS_ENV = "LONGTAIL_CORPUS";
    /** Environment variable that, set to anything but {@code 0} / {@code false} / {@code no}, refuses downloads. */
    public static final String NO_DOWNLOAD_ENV = "LONGTAIL_NO_DOWNLOAD";
    /** The development copy, relative to the project root. */
    static final String DEVELOPMENT_COPY = "../shared/data/wikitext-2/valid.txt";
    /** The cached copy, relative to the user's cache folder. */
    static final String CACHE_ENTRY = "longtail/wikitext-2/valid.txt";

    private final Path projectRoot;
    private final UnaryOperator<String> environment;
    private final Path userHome;
    private final CorpusSource source;
    private final PrintStream messages;

    /**
     * A locator for {@code source} in a project checked out at {@code projectRoot}, reading environment variables
     * through {@code environment}; the {@code corpus:} line and download progress go to {@code messages}.
     */
    public CorpusLocator(Path projectRoot, UnaryOperator<String> environment, Path userHome, CorpusSource source,
                         PrintStream messages) {
        this.projectRoot = projectRoot;
        this.environment = environment;
        this.userHome = userHome;
        this.source = source;
        this.messages = messages;
    }

    /**
     * WikiText-2's validation text for this process: the project root is {@code -Dlongtail.home} (the
     * {@code ./longtail} script sets it) or else the working directory, variables from the environment.
     */
    public static CorpusLocator standard(PrintStream messages) {
        return new CorpusLocator(Path.of(System.getProperty("longtail.home", ".")), System::getenv,
                Path.of(System.getProperty("user.home")), CorpusSource.WIKITEXT_2_VALID, messages);
    }

    /** {@code ../shared/data/wikitext-2/valid.txt} beside the project root, absolute. */
    public Path developmentCopy() {
        return projectRoot.toAbsolutePath().normalize().resolve(DEVELOPMENT_COPY).normalize();
    }

    /** The cached copy: under {@code $XDG_CACHE_HOME} when it is an absolute path, else under {@code ~/.cache}. */
    public Path cacheFile() {
        String xdg = environment.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : userHome.resolve(".cache");
        return base.resolve(CACHE_ENTRY);
    }

    /** Whether {@code LONGTAIL_NO_DOWNLOAD} refuses downloads. */
    public boolean downloadsRefusedByEnvironment() {
        String value = environment.apply(NO_DOWNLOAD_ENV);
        return value != null && !value.isBlank()
                && !List.of("0", "false", "no").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The corpus: {@code argument} when given (may be null), else the first of the places in the class comment
     * that holds it, downloading only when {@code downloadAllowed} and the environment does not refuse it. Prints
     * {@code corpus: FILE (how it was found)} on the messages stream.
     *
     * @throws CorpusNotFoundException when nothing is found; its message lists what was tried and where to put the file
     */
    public LocatedCorpus locate(Path argument, boolean downloadAllowed) {
        LocatedCorpus corpus = find(argument, downloadAllowed);
        messages.println(corpus.describe());
        return corpus;
    }

    private LocatedCorpus find(Path argument, boolean downloadAllowed) {
        if (argument != null) {
            return named(argument, "--corpus");
        }
        String fromEnvironment = environment.apply(CORPUS_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return named(Path.of(fromEnvironment), CORPUS_ENV);
        }
        List<String> tried = new ArrayList<>(List.of("--corpus FILE: not given", CORPUS_ENV + ": not set"));
        Path development = developmentCopy();
        if (Files.isRegularFile(development)) {
            return new LocatedCorpus(development, "development copy");
        }
        tried.add("development copy " + development + ": no such file");
        Path cache = cacheFile();
        if (Files.isRegularFile(cache)) {
            return new LocatedCorpus(cache, "user cache");
        }
        tried.add("user cache " + cache + ": no such file");
        String download = "download from " + source.uri();
        if (!downloadAllowed || downloadsRefusedByEnvironment()) {
            tried.add(download + ": not tried, downloads are off (" + (downloadsRefusedByEnvironment()
                    ? NO_DOWNLOAD_ENV + " is set" : "--no-download") + ")");
            throw notFound(tried, cache);
        }
        try {
            new CorpusDownload(messages).fetch(source, cache);
            return new LocatedCorpus(cache, "downloaded from " + source.uri() + " into the user cache");
        } catch (IOException e) {
            tried.add(download + ": failed, " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tried.add(download + ": interrupted");
        }
        throw notFound(tried, cache);
    }

    /** A file the user named outright: it must exist. */
    private static LocatedCorpus named(Path file, String by) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusNotFoundException("the corpus named by " + by + " is not a file: "
                    + file.toAbsolutePath().normalize());
        }
        return new LocatedCorpus(file, "from " + by);
    }

    private CorpusNotFoundException notFound(List<String> tried, Path cache) {
        StringBuilder message = new StringBuilder("cannot find the reference corpus, ").append(source.name())
                .append(". Tried, in order:\n");
        for (int i = 0; i < tried.size(); i++) {
            message.append("  ").append(i + 1).append(". ").append(tried.get(i)).append('\n');
        }
        message.append(String.format(Locale.ROOT, "Put the file (%,d bytes, SHA-256 %s, from %s) at%n  %s%n"
                        + "or set %s=/path/to/valid.txt, or pass --corpus /path/to/valid.txt.",
                source.size(), source.sha256(), source.uri(), cache, CORPUS_ENV));
        return new CorpusNotFoundException(message.toString());
    }

    /** An exception and its causes in one line: the class names say more than the (often empty) messages. */
    private static String reason(Throwable e) {
        List<String> parts = new ArrayList<>();
        boolean unreachable = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String part = t.getClass().getSimpleName()
                    + (t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage());
            if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part)) {
                parts.add(part);
            }
            unreachable |= t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException;
        }
        return String.join(" <- ", parts) + (unreachable ? " (no network, or the host is unreachable from here)" : "");
    }
}
