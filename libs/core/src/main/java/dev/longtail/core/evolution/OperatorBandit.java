package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adaptive operator weights: a multiplicative-weights bandit (Hedge, Freund and Schapire 1997) over operator ×
 * category. After a generation, each operator that evolved at least {@code minSamples} seeds of a category is
 * rewarded with the share of those seeds whose sample the curator kept, against the category's share kept over all
 * operators: w ← clamp(w · exp(η · (kept share − category's kept share)), min, max). An operator that does better
 * than its peers in a category is chosen more often there; the bounds keep every operator in play (exploration)
 * and none dominant for good. Every change comes with its reason.
 */
public final class OperatorBandit {

    /** The bandit's settings: learning rate η, weight bounds, and the fewest seeds that move a weight. */
    public record Settings(double learningRate, double minWeight, double maxWeight, int minSamples) {

        /** η 2, weights within [0.25, 4], at least 3 seeds. */
        public static final Settings DEFAULT = new Settings(2.0, 0.25, 4.0, 3);

        /** Validates the ranges. */
        public Settings {
            if (!(learningRate > 0) || !(minWeight > 0) || !(maxWeight >= 1) || !(minWeight <= 1) || minSamples < 1) {
                throw new IllegalArgumentException("bandit settings need learningRate > 0, 0 < minWeight <= 1 <= "
                        + "maxWeight and minSamples >= 1");
            }
        }
    }

    /** How an operator's seeds of one category fared: evolved, and kept by the curator. */
    public record Outcome(String operator, String category, int evolved, int kept) {
    }

    /** One weight's change, with why. */
    public record WeightChange(String operator, String category, double from, double to, String reason) {
    }

    /** The next weights and what changed. */
    public record Update(OperatorWeights weights, List<WeightChange> changes) {
    }

    private final Settings settings;

    public OperatorBandit(Settings settings) {
        this.settings = settings;
    }

    /** The weights after a generation's outcomes (operators and categories in a stable order). */
    public Update update(OperatorWeights current, List<Outcome> outcomes) {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] totals = byCategory.computeIfAbsent(key(o.category()), c -> new int[2]);
            totals[0] += o.evolved();
            totals[1] += o.kept();
        }
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparing((Outcome o) -> key(o.category())).thenComparing(Outcome::operator));
        OperatorWeights weights = current;
        List<WeightChange> changes = new ArrayList<>();
        for (Outcome o : sorted) {
            int[] totals = byCategory.get(key(o.category()));
            if (o.evolved() < settings.minSamples() || totals[0] == o.evolved()) {
                continue; // too few seeds to judge, or no peer in the category to compare with
            }
            double share = (double) o.kept() / o.evolved();
            double baseline = (double) totals[1] / totals[0];
            double from = weights.weight(o.operator(), o.category());
            double to = Math.min(settings.maxWeight(), Math.max(settings.minWeight(),
                    from * Math.exp(settings.learningRate() * (share - baseline))));
            if (Math.abs(to - from) > 1e-9) {
                weights = weights.with(o.operator(), o.category(), to);
                changes.add(new WeightChange(o.operator(), key(o.category()), from, to, String.format(Locale.ROOT,
                        "kept %d of %d (%.2f) vs %.2f for the category's operators%s", o.kept(), o.evolved(), share,
                        baseline, to == settings.maxWeight() || to == settings.minWeight() ? "; at its bound" : "")));
            }
        }
        return new Update(weights, changes);
    }

    private static String key(String category) {
        return category == null ? "" : category;
    }
}
