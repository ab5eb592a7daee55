package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.fail;

import dev.longtail.bench.corpus.CorpusLocator;
import dev.longtail.bench.corpus.CorpusNotFoundException;
import dev.longtail.bench.corpus.LocatedCorpus;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * WikiText-2's valid.txt for the tests that need the real corpus, found by the benchmarks' own {@link CorpusLocator}
 * (never downloaded: the pom sets {@code LONGTAIL_NO_DOWNLOAD}). When it is nowhere, such a test is skipped with
 * the reason and how to provide the file, or fails when {@code LONGTAIL_REQUIRE_CORPUS=true} (as {@code .ci/run}
 * sets it), so CI never skips them silently.
 */
final class WikiText {

    /** Environment variable that turns a missing corpus from a skip into a failure. */
    static final String REQUIRE_ENV = "LONGTAIL_REQUIRE_CORPUS";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private WikiText() {
    }

    /** The corpus file, or an aborted (skipped) or failed test that says why. */
    static Path valid() {
        return locate().file();
    }

    /** The corpus and how it was found, or an aborted (skipped) or failed test that says why. */
    static LocatedCorpus locate() {
        try {
            return CorpusLocator.standard(System.out).locate(null, false);
        } catch (CorpusNotFoundException e) {
            if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
                return fail("the real WikiText-2 corpus is missing and " + REQUIRE_ENV + "=true: " + e.getMessage());
            }
            String skip = "skipped, the real WikiText-2 corpus is missing: " + e.getMessage()
                    + "\n(" + REQUIRE_ENV + "=true turns this skip into a failure)";
            if (TOLD.compareAndSet(false, true)) {
                // Surefire's console shows a skip's count, not its reason: say it once in the build's output
                System.err.println("[bench tests] the tests that need WikiText-2 are " + skip);
            }
            Assumptions.abort(skip);
            throw new AssertionError("unreachable: abort throws");
        }
    }
}
