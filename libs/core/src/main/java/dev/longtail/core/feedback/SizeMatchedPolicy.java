package dev.longtail.core.feedback;

import static dev.longtail.core.metrics.CollapseMeasurement.*;

import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.core.metrics.SizeMatchedReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict on a dataset judged against its real reference alone, with no generation of its own to compare with
 * (an uploaded dataset): every signal against what real samples of the dataset's size get
 * ({@link SizeMatchedReference}), so that a small healthy dataset is not called collapsing for being small. Every
 * signal past a limit is listed with its numbers, not only the first; the verdict is the worst of them. A signal whose
 * metric or expectation is absent is not judged, and {@link SizeMatchedVerdict#notJudged()} says why.
 *
 * <p>Signals (limits in {@link SizeMatchedThresholds}): distinct-2, Vendi score, tail coverage of the reference and of
 * the held-out texts, rare clusters present and mean words falling to a ratio of the expected; Self-BLEU and held-out
 * perplexity rising to one; categories of the reference missing beyond the expected share; a median of a word or two;
 * over-probable and implausible shares rising (judged on the texts that are not reference texts when the measurement
 * says how many those are: the generation-0 model was trained on the reference, so its own texts read as
 * over-probable); minority categories falling. The embedding Fréchet distance is reported, not judged: real samples
 * would need one 384-dimensional eigendecomposition each to say what to expect.
 */
public final class SizeMatchedPolicy {

    /** One signal past its limit: the metric, its value, the expected value, the level reached and the reason. */
    public record Signal(String metric, double value, double expected, Health level, String reason) {
    }

    /** The verdict, every signal that fired, and the signals that could not be judged with the reason. */
    public record SizeMatchedVerdict(Health health, List<Signal> signals, List<String> notJudged) {

        public SizeMatchedVerdict {
            signals = List.copyOf(signals);
            notJudged = List.copyOf(notJudged);
        }

        /** The reasons, one per signal that fired. */
        public List<String> reasons() {
            return signals.stream().map(Signal::reason).toList();
        }
    }

    private final SizeMatchedThresholds limits;

    public SizeMatchedPolicy(SizeMatchedThresholds limits) {
        if (limits == null) {
            throw new IllegalArgumentException("size-matched thresholds are required");
        }
        this.limits = limits;
    }

    /** Judges {@code current} against {@code expected}, real samples of its size. */
    public SizeMatchedVerdict assess(SizeMatchedReference expected, CollapseMeasurement current) {
        var judge = new Judge(expected, current);
        judge.falls("distinct-2", DISTINCT2, limits.driftingDistinct2Ratio(), limits.collapsingDistinct2Ratio());
        judge.rises("Self-BLEU", SELF_BLEU, limits.driftingSelfBleuRatio(), limits.collapsingSelfBleuRatio());
        judge.falls("Vendi score", VENDI_SCORE, limits.driftingVendiRatio(), limits.collapsingVendiRatio());
        judge.falls("tail coverage", TAIL_COVERAGE, limits.driftingTailRatio(), limits.collapsingTailRatio());
        judge.falls("held-out tail coverage", HELD_OUT_TAIL_COVERAGE, limits.driftingTailRatio(), limits.collapsingTailRatio());
        judge.falls("rare clusters present", RARE_CLUSTER_SHARE, limits.driftingRareClusterRatio(),
                limits.collapsingRareClusterRatio());
        judge.categories(limits.driftingCategoryLoss(), limits.collapsingCategoryLoss());
        judge.rises("held-out perplexity", HELD_OUT_PERPLEXITY, limits.driftingPerplexityRatio(),
                limits.collapsingPerplexityRatio());
        judge.falls("mean words", MEAN_WORDS, limits.driftingLengthRatio(), limits.collapsingLengthRatio());
        judge.median(limits.collapsingMedianWords());
        judge.signature(OVER_PROBABLE_SHARE, "over-probable", limits.overProbableRise());
        judge.signature(IMPLAUSIBLE_SHARE, "implausible", limits.implausibleRise());
        judge.falls("minority categories' share ratio", MINORITY_CATEGORY_RATIO, limits.driftingMinorityRatio(), Double.NaN);
        if (!current.values().containsKey(VENDI_SCORE) && !expected.values().containsKey(VENDI_SCORE)) {
            judge.notJudged.add("Vendi score and rare clusters: not judged, the embedding metrics are off (or the"
                    + " embedding model could not be loaded)");
        }
        Health health = judge.signals.stream().map(Signal::level).reduce(Health.HEALTHY,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return new SizeMatchedVerdict(health, judge.signals, judge.notJudged);
    }

    /** Collects the signals of one assessment. */
    private static final class Judge {

        private final SizeMatchedReference expected;
        private final CollapseMeasurement current;
        private final List<Signal> signals = new ArrayList<>();
        private final List<String> notJudged = new ArrayList<>();

        Judge(SizeMatchedReference expected, CollapseMeasurement current) {
            this.expected = expected;
            this.current = current;
        }

        /** A metric that falls in collapse: fires at value / expected ≤ drifting (≤ collapsing, unless NaN). */
        void falls(String name, String metric, double drifting, double collapsing) {
            ratio(name, metric, drifting, collapsing, false);
        }

        /** A metric that rises in collapse: fires at value / expected ≥ drifting (≥ collapsing, unless NaN). */
        void rises(String name, String metric, double drifting, double collapsing) {
            ratio(name, metric, drifting, collapsing, true);
        }

        private void ratio(String name, String metric, double drifting, double collapsing, boolean rising) {
            double value = current.get(metric);
            double base = expected.get(metric);
            if (!Double.isFinite(value) || !Double.isFinite(base)) {
                return;
            }
            if (base <= 0) {
                notJudged.add(f("%s: not judged, %s get %.4f", name, expected.source(metric), base));
                return;
            }
            double r = value / base;
            boolean c = Double.isFinite(collapsing) && (rising ? r >= collapsing : r <= collapsing);
            boolean d = rising ? r >= drifting : r <= drifting;
            if (!d && !c) {
                return;
            }
            fire(metric, value, base, c, f("%s %.4f is %.2fx what %s get (%.4f; %s at %s %.2fx)", name, value, r,
                    expected.source(metric), base, c ? "collapsing" : "drifting", rising ? ">=" : "<=",
                    c ? collapsing : drifting));
        }

        /** Categories of the reference missing from the dataset, with the share of the reference they had. */
        void categories(double drifting, double collapsing) {
            double coverage = current.get(CATEGORY_COVERAGE);
            double base = expected.get(CATEGORY_COVERAGE);
            if (!Double.isFinite(base)) {
                notJudged.add("category coverage: not judged, the reference's records carry no category");
                return;
            }
            if (!Double.isFinite(coverage)) {
                notJudged.add("category coverage: not judged, the dataset's records carry no category");
                return;
            }
            double loss = base - coverage;
            if (loss < drifting) {
                return;
            }
            boolean c = loss >= collapsing;
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, CategoryShare> e : current.categories().entrySet()) {
                if (e.getValue().version() == 0 && e.getValue().reference() > 0) {
                    missing.add(f("%s (%.1f%%)", e.getKey(), 100 * e.getValue().reference()));
                }
            }
            fire(CATEGORY_COVERAGE, coverage, base, c, f("%d of %d reference categories are missing, %.1f%% of the"
                            + " reference: %s; %s miss %.1f%% (%s at +%.0f points)", missing.size(),
                    current.categories().size(), 100 * (1 - coverage), String.join(", ", missing),
                    expected.source(CATEGORY_COVERAGE), 100 * (1 - base), c ? "collapsing" : "drifting",
                    100 * (c ? collapsing : drifting)));
        }

        void median(double collapsingWords) {
            double median = current.get(LENGTH_P50);
            if (Double.isFinite(median) && median <= collapsingWords) {
                fire(LENGTH_P50, median, expected.get(LENGTH_P50), true, f("half the texts have at most %.0f words,"
                        + " against a median of %.1f in %s (collapsing at <= %.0f)", median, expected.get(LENGTH_P50),
                        expected.source(LENGTH_P50), collapsingWords));
            }
        }

        /**
         * The perplexity signature: the share of the texts that are not reference texts when the measurement counted
         * them (the generation-0 model was trained on the reference), else of every text. A share of a few texts is
         * noisy, so the rise must also pass two standard errors of the expected share at that many texts.
         */
        void signature(String metric, String name, double rise) {
            Integer fresh = current.sampleSizes().get(SAMPLE_SYNTHETIC);
            String key = fresh == null ? metric : synthetic(metric);
            if (fresh != null && fresh == 0) {
                notJudged.add(name + " share: not judged, every text is a reference text, which the generation-0 model"
                        + " was trained on");
                return;
            }
            int texts = fresh != null ? fresh : current.sampleSizes().getOrDefault(SAMPLE_TEXTS, 0);
            double value = current.get(key);
            double base = expected.get(metric);
            if (!Double.isFinite(value) || !Double.isFinite(base) || texts == 0) {
                return;
            }
            double limit = Math.max(rise, 2 * Math.sqrt(base * (1 - base) / texts));
            if (value - base >= limit) {
                fire(metric, value, base, false, f("%s texts under the generation-0 model: %.1f%% of %s, against %.1f%%"
                                + " of %s (drifting at +%.0f points)", name, 100 * value,
                        fresh == null ? "the " + texts + " texts" : "the " + fresh + " texts that are not reference texts",
                        100 * base, expected.source(metric), 100 * limit));
            }
        }

        private void fire(String metric, double value, double base, boolean collapsing, String reason) {
            signals.add(new Signal(metric, value, base, collapsing ? Health.COLLAPSING : Health.DRIFTING, reason));
        }
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
