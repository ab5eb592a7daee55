package dev.longtail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The targets for the collapse benchmark, measured on a run: the ones its regimes can decide. */
public final class CollapseTargets {

    /** One target of the issue, measured. */
    public record Target(String name, String measured, boolean met) {
    }

    private CollapseTargets() {
    }

    /** The targets of {@code result}; none without the longtail regime. */
    static List<Target> of(CollapseBenchmark.Result result, SeedStatistics stats) {
        List<Target> targets = new ArrayList<>();
        List<String> regimes = result.settings().regimes();
        if (!regimes.contains("longtail")) {
            return targets;
        }
        int last = result.settings().generations();
        double dl = stats.degradation("longtail");
        long budget = result.corpus().trainTokens();
        long maxTokens = result.runsOf("longtail").stream().flatMap(r -> r.rows().stream())
                .mapToLong(GenerationRow::tokens).max().orElse(0);
        targets.add(new Target("longtail uses at most B tokens per generation",
                f("max %d of B = %d", maxTokens, budget), maxTokens <= budget));
        double maxReal = result.runsOf("longtail").stream().flatMap(r -> r.rows().stream().skip(1))
                .mapToDouble(GenerationRow::realShare).max().orElse(0);
        targets.add(new Target("longtail's real share (anchors + copies of real lines) at most 10%",
                f("max %.3f", maxReal), maxReal <= result.settings().realShare() + 1e-9));
        if (regimes.contains("accumulate")) {
            double da = stats.degradation("accumulate");
            targets.add(new Target("D(longtail) <= D(accumulate) at generation " + last,
                    f("%.3f vs %.3f", dl, da), dl <= da));
        }
        if (regimes.contains("anchor10")) {
            targets.addAll(againstAnchor10(stats, last, dl));
        }
        targets.add(lineLength(result, stats, last));
        return targets;
    }

    private static List<Target> againstAnchor10(SeedStatistics stats, int last, double dl) {
        List<Target> targets = new ArrayList<>();
        double dn = stats.degradation("anchor10");
        targets.add(new Target("D(longtail) - 1 <= (D(anchor10) - 1) / 3 at generation " + last,
                f("%.3f vs %.3f", dl - 1, (dn - 1) / 3), dl - 1 <= (dn - 1) / 3));
        double tl = stats.mean("longtail", last, GenerationRow::tailCoverage);
        double tn = stats.mean("anchor10", last, GenerationRow::tailCoverage);
        targets.add(new Target("tail coverage(longtail) >= 2 x anchor10's at generation " + last,
                f("%.3f vs 2 x %.3f = %.3f", tl, tn, 2 * tn), tl >= 2 * tn));
        double worst = Double.POSITIVE_INFINITY;
        int worstAt = 0;
        for (int g = 1; g <= last; g++) {
            double margin = stats.mean("longtail", g, GenerationRow::distinct2) - stats.mean("anchor10", g, GenerationRow::distinct2);
            if (margin < worst) {
                worst = margin;
                worstAt = g;
            }
        }
        targets.add(new Target("distinct-2(longtail) >= anchor10's at every generation",
                f("smallest margin %+.4f (generation %d)", worst, worstAt), worst >= 0));
        return targets;
    }

    private static Target lineLength(CollapseBenchmark.Result result, SeedStatistics stats, int last) {
        double real = result.corpus().meanLineLength();
        double worstDeviation = 0;
        int worstAt = 0;
        for (int g = 1; g <= last; g++) {
            double dev = Math.abs(stats.mean("longtail", g, GenerationRow::meanLineLength) / real - 1);
            if (dev > worstDeviation) {
                worstDeviation = dev;
                worstAt = g;
            }
        }
        return new Target("longtail's words/line within 15% of real-train's at every generation",
                f("real %.1f; largest deviation %.1f%% (generation %d)", real, 100 * worstDeviation, worstAt),
                worstDeviation <= 0.15);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
