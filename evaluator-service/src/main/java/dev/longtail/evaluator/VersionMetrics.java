package dev.longtail.evaluator;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.feedback.Metrics;
import dev.longtail.core.metrics.DiversityMetrics;
import dev.longtail.core.metrics.HeldOutPerplexity;
import dev.longtail.core.metrics.TailCoverage;
import dev.longtail.core.text.Tokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Glue between records and the core's metrics (pure, no framework): a record's text is its instruction,
 * input and output joined by spaces, tokenised by the shared tokeniser.
 *
 * <p>Held-out perplexity uses a fixed vocabulary, the tokens of the reference and held-out seeds, so that
 * the reference and every generation are measured over the same events: with an open vocabulary a
 * collapsed corpus (fewer types) would make unseen held-out words look cheaper (see
 * {@link HeldOutPerplexity#of(List, List, int, Set)}).
 */
public final class VersionMetrics {

    private final TailCoverage tail;
    private final List<List<String>> heldOut;
    private final Set<String> vocabulary;
    private final int order;

    /** Prepares the measurements against one campaign's reference and held-out seeds. */
    public VersionMetrics(List<SeedRecord> reference, List<SeedRecord> heldOutSeeds, int order, int tailN, int tailMaxCount) {
        List<List<String>> referenceTexts = seedTexts(reference);
        this.heldOut = seedTexts(heldOutSeeds);
        this.tail = TailCoverage.ofReference(referenceTexts, tailN, tailMaxCount);
        this.order = order;
        this.vocabulary = new HashSet<>();
        referenceTexts.forEach(vocabulary::addAll);
        heldOut.forEach(vocabulary::addAll);
    }

    /** The six metrics of a corpus of tokenised texts. */
    public Metrics measure(List<List<String>> texts) {
        return new Metrics(
                DiversityMetrics.distinctN(texts, 1),
                DiversityMetrics.distinctN(texts, 2),
                DiversityMetrics.unigramEntropy(texts),
                tail.coverageOf(texts),
                HeldOutPerplexity.of(texts, heldOut, order, vocabulary),
                DiversityMetrics.meanWords(texts));
    }

    /** The tokens of one text: instruction, input and output joined by spaces (null parts count as empty). */
    public static List<String> tokens(String instruction, String input, String output) {
        return Tokenizer.tokenize(nullToEmpty(instruction) + " " + nullToEmpty(input) + " " + nullToEmpty(output));
    }

    public static List<List<String>> seedTexts(List<SeedRecord> seeds) {
        return seeds.stream().map(s -> tokens(s.instruction(), s.input(), s.output())).toList();
    }

    public static List<List<String>> recordTexts(List<DatasetRecord> records) {
        return records.stream().map(r -> tokens(r.instruction(), r.input(), r.output())).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
