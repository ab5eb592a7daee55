package dev.longtail.evolver.evolution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.longtail.core.evolution.OperatorBandit;
import dev.longtail.evolver.campaign.Generation;
import dev.longtail.support.JsonColumns;

/**
 * How a generation's evolution went, for the campaign's status and report: attempts and failure rate per operator
 * (eliminated / attempts of that operator), failure rate per rule (eliminated for that reason / all attempts), the
 * eliminations per operator and rule, the operator weights it drew with, the weight changes made before it (with
 * their reasons), the gaps that guided it and which information-gain judge ran.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvolutionReport(int attempts, Map<String, Integer> attemptsByOperator,
        Map<String, Double> failureRateByOperator, Map<String, Double> failureRateByRule,
        Map<String, Map<String, Integer>> eliminatedByOperator, Map<String, Map<String, Double>> operatorWeights,
        List<OperatorBandit.WeightChange> weightChanges, EvolutionWiring.GapSummary gaps, String gainJudge) {

    /** The report of a generation row; null for a generation from before failure counts per operator. */
    public static EvolutionReport of(Generation g, JsonColumns json) {
        if (g.attemptsByOperator == null) {
            return null;
        }
        Map<String, Integer> attempts = json.read(g.attemptsByOperator, new TypeReference<TreeMap<String, Integer>>() { });
        Map<String, Map<String, Integer>> eliminated = json.read(g.eliminatedByOperator,
                new TypeReference<TreeMap<String, Map<String, Integer>>>() { });
        Map<String, Integer> byReason = json.read(g.eliminatedByReason, new TypeReference<TreeMap<String, Integer>>() { });
        int total = attempts.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> byOperator = new TreeMap<>();
        attempts.forEach((operator, n) -> byOperator.put(operator, rate(eliminated.getOrDefault(operator, Map.of())
                .values().stream().mapToInt(Integer::intValue).sum(), n)));
        Map<String, Double> byRule = new TreeMap<>();
        byReason.forEach((reason, n) -> byRule.put(reason, rate(n, total)));
        return new EvolutionReport(total, attempts, byOperator, byRule, eliminated,
                g.operatorWeights == null ? Map.of() : json.read(g.operatorWeights,
                        new TypeReference<TreeMap<String, Map<String, Double>>>() { }),
                g.weightChanges == null ? List.of() : json.read(g.weightChanges,
                        new TypeReference<List<OperatorBandit.WeightChange>>() { }),
                g.gaps == null ? null : json.read(g.gaps, EvolutionWiring.GapSummary.class), g.gainJudge);
    }

    /** A share rounded to 4 decimals (0 of 0 is 0). */
    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
