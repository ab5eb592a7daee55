package dev.longtail.core.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Compares the arms of a controlled experiment, each run once per random seed: per arm and generation, every
 * {@link ComparedMetric}'s mean and sample sd over the campaigns that measured it, and the verdicts; and, paired by
 * random seed, each arm's difference from the control (arm − control) per generation and metric. Campaigns with the
 * same random seed share the reference split, so the pairing removes the seed's own share of the variation.
 * Generations no campaign of an arm has measured yet are left out; a statistic's {@code n} says how many seeds it
 * covers.
 */
public final class ExperimentComparison {

    /** An arm and its campaigns (at most one per random seed). */
    public record Arm(String name, List<CampaignMeasurements> campaigns) {

        public Arm {
            Objects.requireNonNull(name, "an arm needs a name");
            campaigns = List.copyOf(campaigns);
        }
    }

    /** The reference (generation 0) over the random seeds; a statistic is null when no campaign reported it. */
    public record Reference(Statistic perplexity, Statistic tailCoverage, Statistic distinct2, Statistic meanWords) {
    }

    /** One generation of one arm: each metric over its seeds, and how many campaigns got each verdict. */
    public record ArmGeneration(int generation, Map<ComparedMetric, Statistic> metrics, Map<String, Integer> verdicts) {
    }

    /** One arm's measured generations, in order. */
    public record ArmResult(String name, List<ArmGeneration> generations) {
    }

    /** A paired difference, {@code arm} minus {@code against}, over the random seeds both measured. */
    public record Difference(String arm, String against, int generation, ComparedMetric metric,
            Statistic statistic) {
    }

    /** The whole comparison. */
    public record Result(Reference reference, List<ArmResult> arms, List<Difference> differences) {
    }

    private ExperimentComparison() {
    }

    /**
     * Compares the arms against {@code control} (the name of one of them; null or unknown: no differences). The
     * reference takes, per random seed, the first campaign in arm order that reports one: campaigns with the same
     * random seed measure the same real reference.
     */
    public static Result compare(List<Arm> arms, String control) {
        List<ArmResult> results = new ArrayList<>();
        for (Arm arm : arms) {
            results.add(new ArmResult(arm.name(), generationsOf(arm)));
        }
        List<Difference> differences = new ArrayList<>();
        Arm controlArm = arms.stream().filter(arm -> arm.name().equals(control)).findFirst().orElse(null);
        if (controlArm != null) {
            for (Arm arm : arms) {
                if (arm != controlArm) {
                    differences.addAll(differences(arm, controlArm));
                }
            }
        }
        return new Result(reference(arms), List.copyOf(results), List.copyOf(differences));
    }

    private static List<ArmGeneration> generationsOf(Arm arm) {
        List<ArmGeneration> generations = new ArrayList<>();
        for (int generation : measuredGenerations(arm)) {
            Map<ComparedMetric, Statistic> metrics = new EnumMap<>(ComparedMetric.class);
            for (ComparedMetric metric : ComparedMetric.values()) {
                List<Double> values = new ArrayList<>();
                for (CampaignMeasurements campaign : arm.campaigns()) {
                    valueAt(campaign, generation, metric).ifPresent(values::add);
                }
                Statistic.of(values).ifPresent(statistic -> metrics.put(metric, statistic));
            }
            Map<String, Integer> verdicts = new TreeMap<>();
            for (CampaignMeasurements campaign : arm.campaigns()) {
                Measurement measured = campaign.generations().get(generation);
                if (measured != null && measured.verdict() != null) {
                    verdicts.merge(measured.verdict().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
            generations.add(new ArmGeneration(generation, metrics, verdicts));
        }
        return generations;
    }

    private static List<Difference> differences(Arm arm, Arm control) {
        Map<Long, CampaignMeasurements> controlBySeed = bySeed(control);
        SortedSet<Integer> generations = measuredGenerations(arm);
        generations.retainAll(measuredGenerations(control));
        List<Difference> differences = new ArrayList<>();
        for (int generation : generations) {
            for (ComparedMetric metric : ComparedMetric.values()) {
                List<Double> paired = new ArrayList<>();
                bySeed(arm).forEach((seed, campaign) -> {
                    CampaignMeasurements against = controlBySeed.get(seed);
                    if (against == null) {
                        return;
                    }
                    OptionalDouble mine = valueAt(campaign, generation, metric);
                    OptionalDouble theirs = valueAt(against, generation, metric);
                    if (mine.isPresent() && theirs.isPresent()) {
                        paired.add(mine.getAsDouble() - theirs.getAsDouble());
                    }
                });
                Statistic.of(paired).ifPresent(statistic -> differences.add(
                        new Difference(arm.name(), control.name(), generation, metric, statistic)));
            }
        }
        return differences;
    }

    private static Reference reference(List<Arm> arms) {
        Map<Long, Measurement> bySeed = new LinkedHashMap<>();
        for (Arm arm : arms) {
            for (CampaignMeasurements campaign : arm.campaigns()) {
                if (campaign.reference() != null) {
                    bySeed.putIfAbsent(campaign.randomSeed(), campaign.reference());
                }
            }
        }
        List<Measurement> references = List.copyOf(bySeed.values());
        return new Reference(over(references, Measurement::heldOutPerplexity),
                over(references, Measurement::tailCoverage), over(references, Measurement::distinct2),
                over(references, Measurement::meanWords));
    }

    private static Statistic over(List<Measurement> references, ToDoubleFunction<Measurement> metric) {
        List<Double> values = new ArrayList<>();
        for (Measurement reference : references) {
            double value = metric.applyAsDouble(reference);
            if (Double.isFinite(value)) {
                values.add(value);
            }
        }
        return Statistic.of(values).orElse(null);
    }

    private static OptionalDouble valueAt(CampaignMeasurements campaign, int generation, ComparedMetric metric) {
        Measurement measured = campaign.generations().get(generation);
        return measured == null ? OptionalDouble.empty() : metric.of(measured, campaign.reference());
    }

    private static SortedSet<Integer> measuredGenerations(Arm arm) {
        SortedSet<Integer> generations = new TreeSet<>();
        arm.campaigns().forEach(campaign -> generations.addAll(campaign.generations().keySet()));
        return generations;
    }

    /** The arm's campaigns by random seed (a seed given twice keeps its first campaign). */
    private static Map<Long, CampaignMeasurements> bySeed(Arm arm) {
        Map<Long, CampaignMeasurements> bySeed = new LinkedHashMap<>();
        arm.campaigns().forEach(campaign -> bySeed.putIfAbsent(campaign.randomSeed(), campaign));
        return bySeed;
    }
}
