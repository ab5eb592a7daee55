package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The evolver's experiment report ({@code GET /api/v1/experiments/{id}/report}) as the launcher reads it: per arm
 * and generation, each metric's mean and sd over the random seeds, and the paired differences against the control.
 */
record ExperimentReport(String name, int generations, List<Long> randomSeeds, String control, boolean complete,
                        Stat referencePerplexity, Stat referenceMeanWords, List<ArmResult> arms,
                        List<Difference> differences) {

    /** The four metrics the comparison shows, by their name in the report, with how many decimals they read well at. */
    enum Metric {
        D("perplexityRatio", "D", 2),
        TAIL_COVERAGE("tailCoverage", "tail coverage", 3),
        DISTINCT_2("distinct2", "distinct-2", 3),
        LENGTH_RATIO("lengthRatio", "length ratio", 2);

        final String field;
        final String label;
        final int places;

        Metric(String field, String label, int places) {
            this.field = field;
            this.label = label;
            this.places = places;
        }
    }

    /** A mean over random seeds; {@code sd} is null when the report gives none (one seed). */
    record Stat(double mean, Double sd, int n) {

        static Optional<Stat> of(JsonNode node) {
            if (!node.path("mean").isNumber()) {
                return Optional.empty();
            }
            JsonNode sd = node.path("sd");
            return Optional.of(new Stat(node.path("mean").asDouble(), sd.isNumber() ? sd.asDouble() : null,
                    node.path("n").asInt(0)));
        }

        /** {@code 1.22 ± 0.03}; the sd reads {@code -} when there is none or a single seed. */
        String format(int places, String plusMinus) {
            return number(mean, places, false) + " " + plusMinus + " " + sd(places);
        }

        /** {@code +0.15 ± 0.02}: a difference, signed. */
        String formatSigned(int places, String plusMinus) {
            return number(mean, places, true) + " " + plusMinus + " " + sd(places);
        }

        /** {@code 1.22 ± 0.03}, or {@code 1.22} alone when there is no sd: for prose. */
        String formatInProse(int places, String plusMinus) {
            return hasSd() ? format(places, plusMinus) : number(mean, places, false);
        }

        boolean hasSd() {
            return sd != null && n >= 2 && Double.isFinite(sd);
        }

        private String sd(int places) {
            return hasSd() ? number(sd, places, false) : "-";
        }

        private static String number(double value, int places, boolean signed) {
            return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + places + "f", value);
        }
    }

    /** One arm's measured generations: generation → metric → its mean over seeds. */
    record ArmResult(String name, Map<Integer, Map<Metric, Stat>> generations) {

        Optional<Stat> stat(int generation, Metric metric) {
            return Optional.ofNullable(generations.getOrDefault(generation, Map.of()).get(metric));
        }

        boolean measured() {
            return !generations.isEmpty();
        }
    }

    /** A paired difference, {@code arm} minus {@code against}, over the seeds both ran. */
    record Difference(String arm, String against, int generation, String metric, Stat stat) {
    }

    static ExperimentReport of(JsonNode report) {
        List<Long> seeds = new ArrayList<>();
        report.path("randomSeeds").forEach(seed -> seeds.add(seed.asLong()));
        List<ArmResult> arms = new ArrayList<>();
        for (JsonNode arm : report.path("arms")) {
            Map<Integer, Map<Metric, Stat>> generations = new TreeMap<>();
            for (JsonNode row : arm.path("generations")) {
                Map<Metric, Stat> metrics = new java.util.EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    Stat.of(row.path(metric.field)).ifPresent(stat -> metrics.put(metric, stat));
                }
                generations.put(row.path("generation").asInt(), metrics);
            }
            arms.add(new ArmResult(arm.path("name").asText(), Collections.unmodifiableMap(generations)));
        }
        List<Difference> differences = new ArrayList<>();
        for (JsonNode difference : report.path("differences")) {
            Stat.of(difference).ifPresent(stat -> differences.add(new Difference(difference.path("arm").asText(),
                    difference.path("against").asText(), difference.path("generation").asInt(),
                    difference.path("metric").asText(), stat)));
        }
        JsonNode reference = report.path("reference");
        return new ExperimentReport(report.path("name").asText(""), report.path("generations").asInt(),
                List.copyOf(seeds), report.path("control").isTextual() ? report.path("control").asText() : null,
                report.path("complete").asBoolean(false), Stat.of(reference.path("perplexity")).orElse(null),
                Stat.of(reference.path("meanWords")).orElse(null), List.copyOf(arms), List.copyOf(differences));
    }

    List<ArmResult> measuredArms() {
        return arms.stream().filter(ArmResult::measured).toList();
    }

    /** Whether the arm the differences are taken against is in the report. */
    boolean hasControl() {
        return control != null && arms.stream().anyMatch(arm -> arm.name().equals(control));
    }

    /**
     * The generation the closing comparison is at: the last one every measured arm has (the experiment's last
     * once it is complete), so that no arm is compared at a generation another has not reached.
     */
    OptionalInt summaryGeneration() {
        List<ArmResult> measured = measuredArms();
        if (measured.isEmpty()) {
            return OptionalInt.empty();
        }
        Set<Integer> shared = new TreeSet<>(measured.get(0).generations().keySet());
        measured.forEach(arm -> shared.retainAll(arm.generations().keySet()));
        return shared.stream().mapToInt(Integer::intValue).max();
    }

    /** Every generation any arm has measured, in order. */
    List<Integer> measuredGenerations() {
        Set<Integer> all = new TreeSet<>();
        arms.forEach(arm -> all.addAll(arm.generations().keySet()));
        return List.copyOf(all);
    }

    /** The paired difference of an arm against the control at a generation, if the report has it. */
    Optional<Stat> difference(String arm, int generation, Metric metric) {
        return differences.stream()
                .filter(d -> d.arm().equals(arm) && d.against().equals(control) && d.generation() == generation
                        && d.metric().equals(metric.field))
                .map(Difference::stat).findFirst();
    }

    /** Whether a mean covers fewer seeds than the experiment ran (a campaign has not reached that generation). */
    boolean partial(Stat stat) {
        return stat.n() < randomSeeds.size();
    }
}
