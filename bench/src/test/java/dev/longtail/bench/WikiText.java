package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.fail;

import dev.longtail.bench.corpus.CorpusLocator;
import dev.longtail.bench.corpus.CorpusNotFoundException;
import dev.longtail.bench.corpus.LocatedCorpus;
import java.nio.file.Path;
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
            String reason = "this test needs the real WikiText-2 corpus: " + e.getMessage();
            if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
                return fail(reason + "\n(" + REQUIRE_ENV + "=true: a missing corpus fails the test instead of skipping it)");
            }
            Assumptions.abort(reason + "\n(skipped; " + REQUIRE_ENV + "=true makes this a failure)");
            throw new AssertionError("unreachable: abort throws");
        }
    }
}
