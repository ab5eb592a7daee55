package dev.longtail.bench;

import dev.longtail.core.selection.SelectionSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of one collapse benchmark run: the corpus, how many generations and seeds, the model order, the
 * real share of anchor10 and of longtail, longtail's candidate factor, the regimes to run, worker threads, and
 * longtail's selection settings. (How the metrics are measured is libs/core's {@code CollapseSettings}.)
 */
public record CollapseRunOptions(Path corpus, Path out, int generations, int seeds, long firstSeed, int order,
                                 double realShare, int candidateFactor, List<String> regimes, int threads,
                                 int maxArticles, SelectionSettings selection) {

    /** The published regimes and Longtail's, in report order. */
    public static final List<String> ALL_REGIMES = List.of("replace", "anchor10", "accumulate", "longtail");

    /** 10 generations, 1 seed from 1, trigram model, 10% real, 10x candidates, all regimes, 1 thread. */
    public static CollapseRunOptions defaults(Path corpus, Path out) {
        return new CollapseRunOptions(corpus, out, 10, 1, 1, 3, 0.1, 10, ALL_REGIMES, 1, 0, SelectionSettings.DEFAULTS);
    }

    /** The same run on another corpus file. */
    public CollapseRunOptions withCorpus(Path file) {
        return new CollapseRunOptions(file, out, generations, seeds, firstSeed, order, realShare, candidateFactor, regimes,
                threads, maxArticles, selection);
    }
}
