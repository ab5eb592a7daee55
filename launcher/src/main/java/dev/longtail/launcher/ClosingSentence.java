package dev.longtail.launcher;

import dev.longtail.launcher.ExperimentReport.ArmResult;
import dev.longtail.launcher.ExperimentReport.Metric;
import dev.longtail.launcher.ExperimentReport.Stat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one plain sentence that closes the demo, computed from the report's numbers: which arm has the lowest D and
 * which the highest tail coverage at the compared generation, and whether each arm's mean length stays within
 * 15 % of the reference's.
 */
final class ClosingSentence {

    /** How far the mean length may stray from the reference's and still read as real text's length. */
    static final double LENGTH_TOLERANCE = 0.15;

    private record Measured(String arm, Stat stat) {
    }

    private ClosingSentence() {
    }

    static String of(ExperimentReport report, boolean unicode) {
        String plusMinus = unicode ? "±" : "+-";
        OptionalInt compared = report.summaryGeneration();
        if (compared.isEmpty()) {
            return "No generation has been measured yet: there is nothing to compare.";
        }
        int generation = compared.getAsInt();
        List<Measured> d = measured(report, generation, Metric.D);
        List<Measured> tail = measured(report, generation, Metric.TAIL_COVERAGE);
        List<Measured> length = measured(report, generation, Metric.LENGTH_RATIO);

        var sentence = new StringBuilder(opening(report, generation)).append(", ");
        Optional<Measured> lowestD = d.stream().min(Comparator.comparingDouble(m -> m.stat().mean()));
        Optional<Measured> highestTail = tail.stream().max(Comparator.comparingDouble(m -> m.stat().mean()));
        String dText = lowestD.map(m -> m.stat().formatInProse(Metric.D.places, plusMinus)).orElse("");
        String tailText = highestTail.map(m -> m.stat().formatInProse(Metric.TAIL_COVERAGE.places, plusMinus))
                .orElse("");
        if (report.measuredArms().size() == 1) {
            sentence.append(report.measuredArms().get(0).name()).append(", the only arm measured, has D ")
                    .append(orNone(dText)).append(" and tail coverage ").append(orNone(tailText));
        } else if (lowestD.isPresent() && highestTail.isPresent()
                && lowestD.get().arm().equals(highestTail.get().arm())) {
            sentence.append(lowestD.get().arm()).append(" has both the lowest D (").append(dText)
                    .append(") and the highest tail coverage (").append(tailText).append(')');
        } else {
            sentence.append(lowestD.map(m -> m.arm() + " has the lowest D (" + dText + ")")
                            .orElse("no arm reports D"))
                    .append(" and ")
                    .append(highestTail.map(m -> m.arm() + " the highest tail coverage (" + tailText + ")")
                            .orElse("none reports tail coverage"));
        }
        return sentence.append("; ").append(lengthClause(length, report.measuredArms().size())).append('.').toString();
    }

    private static String opening(ExperimentReport report, int generation) {
        if (report.complete() && generation == report.generations()) {
            return "At generation " + generation;
        }
        List<String> unmeasured = report.arms().stream().filter(arm -> !arm.measured()).map(ArmResult::name).toList();
        return "So far (the report is incomplete" + (unmeasured.isEmpty() ? "" : "; " + and(unmeasured)
                + (unmeasured.size() == 1 ? " has" : " have") + " no generation measured yet")
                + "), at generation " + generation + " of " + report.generations();
    }

    /** Whether length stays within the tolerance, for every arm, none, or which arms. */
    private static String lengthClause(List<Measured> lengths, int arms) {
        if (lengths.isEmpty()) {
            return "the report gives no length ratio";
        }
        List<Measured> within = new ArrayList<>();
        List<Measured> outside = new ArrayList<>();
        lengths.forEach(m -> (Math.abs(m.stat().mean() - 1) <= LENGTH_TOLERANCE ? within : outside).add(m));
        String tolerance = "within " + Math.round(LENGTH_TOLERANCE * 100) + " % of the reference";
        if (arms == 1) {
            return "its mean length " + (outside.isEmpty() ? "stays " : "does not stay ") + tolerance
                    + " (length ratio " + ratio(lengths.get(0)) + ")";
        }
        if (outside.isEmpty()) {
            return "every arm's mean length stays " + tolerance + " (length ratio " + range(lengths) + ")";
        }
        if (within.isEmpty()) {
            return "no arm's mean length stays " + tolerance + " (length ratio " + range(lengths) + ")";
        }
        return "mean length stays " + tolerance + " in " + and(within.stream().map(Measured::arm).toList())
                + " but not in "
                + and(outside.stream().map(m -> m.arm() + " (length ratio " + ratio(m) + ")").toList());
    }

    private static List<Measured> measured(ExperimentReport report, int generation, Metric metric) {
        List<Measured> measured = new ArrayList<>();
        for (ArmResult arm : report.measuredArms()) {
            arm.stat(generation, metric).ifPresent(stat -> measured.add(new Measured(arm.name(), stat)));
        }
        return measured;
    }

    private static String range(List<Measured> lengths) {
        double min = lengths.stream().mapToDouble(m -> m.stat().mean()).min().orElseThrow();
        double max = lengths.stream().mapToDouble(m -> m.stat().mean()).max().orElseThrow();
        String low = String.format(Locale.ROOT, "%.2f", min);
        String high = String.format(Locale.ROOT, "%.2f", max);
        return low.equals(high) ? low : low + " to " + high;
    }

    private static String ratio(Measured length) {
        return String.format(Locale.ROOT, "%.2f", length.stat().mean());
    }

    private static String orNone(String value) {
        return value.isEmpty() ? "not reported" : value;
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
