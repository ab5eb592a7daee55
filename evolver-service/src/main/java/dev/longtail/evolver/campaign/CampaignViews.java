package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.evolver.evolution.EvolutionReport;

/** What the campaign API returns. */
public final class CampaignViews {

    /** What a generation with feedback off says about its evaluation's adjustments. */
    public static final String NOT_APPLIED = "proposed, not applied (feedback off)";

    private CampaignViews() {
    }

    /**
     * A campaign with its arm's settings (every one filled in), its experiment and arm name when it belongs to one,
     * and every generation's plan, evolution counts, dataset version and verdict.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(UUID id, String name, String seedSetId, CampaignStatus status, String failureReason,
            Integer failedGeneration, int retries, int generations, int samplesPerGeneration, long randomSeed,
            ArmSettings arm, UUID experimentId, String armName, Fork forkedFrom, int currentGeneration,
            int completedGenerations, int referenceSeeds, int heldOutSeeds, Instant createdAt,
            Instant statusChangedAt, List<GenerationDetail> generationDetails, EvolutionSettings evolution) {
    }

    /** A campaign in a list, with how many of its generations are complete (sealed and evaluated). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(UUID id, String name, String seedSetId, CampaignStatus status, String failureReason,
            Integer failedGeneration, int generations, int samplesPerGeneration, int currentGeneration,
            int completedGenerations, Fork forkedFrom, Instant createdAt) {
    }

    /** Where a forked campaign's pool came from: the parent campaign's state after {@code generation}. */
    public record Fork(UUID campaignId, int generation) {
    }

    /**
     * How far a generation got: evolved (its SeedsEvolved not yet acknowledged by the broker), published (the
     * generator and the curator are at work), sealed (the curator's version is in, the evaluation not yet), evaluated
     * (the evaluation came first, the version not yet), complete (both: the next generation may start).
     */
    public enum Stage {
        EVOLVED, PUBLISHED, SEALED, EVALUATED, COMPLETE
    }

    /** What the curator's sealed version of a generation counted (null until it is sealed). */
    public record Curation(Integer generated, Integer accepted, Integer rejected, Integer failed, Integer anchorRecords,
            Map<String, Integer> rejectedByReason) {
    }

    /**
     * One generation: what evolution made, with which plan, and what the curator and evaluator said. The evaluator's
     * adjustments are applied to the next plan only when the campaign's feedback is on ({@code adjustmentsApplied});
     * with feedback off they are kept here as proposed ({@code adjustmentsNote}). {@code evolution}: failure rates per
     * operator and rule, the operator weights and their changes, the gaps (null for generations from before).
     */
    public record GenerationDetail(int generation, Stage stage, int evolved, int eliminated,
            Map<String, Integer> eliminatedByReason, Plan plan, Map<String, Long> operators, String datasetVersionId,
            Integer accepted, Curation curation, String verdict, List<Adjustment> adjustments,
            Boolean adjustmentsApplied, String adjustmentsNote, Instant publishedAt, Instant sealedAt,
            Instant evaluatedAt, EvolutionReport evolution) {
    }

    /**
     * A generation's plan, flattened; {@code backend} is left out when the campaign runs on the generator's default,
     * and the arm's settings when the plan predates arms.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(double inBreadthShare, double temperature, double topP, int maxTokens, long randomSeed,
            double anchorRatio, double nearDuplicateThreshold, int minWords, int maxWords, String backend,
            String anchorPolicy, Double keepShare, Double carryOver, Integer tokenBudget, Boolean feedback,
            Integer candidateFactor) {

        static Plan of(GenerationPlan plan) {
            var sampling = plan.sampling();
            var curation = plan.curation();
            return new Plan(plan.inBreadthShare(), sampling.temperature(), sampling.topP(), sampling.maxTokens(),
                    sampling.randomSeed(), curation.anchorRatio(), curation.nearDuplicateThreshold(),
                    curation.minWords(), curation.maxWords(), plan.backend(), curation.anchorPolicy(),
                    curation.keepShare(), curation.carryOver(), curation.tokenBudget(), plan.feedback(),
                    plan.candidateFactor());
        }
    }

    /** A seed of the pool with its lineage; {@code output} is set for real seeds and accepted evolved ones. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolSeedView(String id, int generation, String origin, String parentId, String operator,
            String kind, String templateVersion, String category, String instruction, String input, String output) {

        static PoolSeedView of(PoolSeed s) {
            return new PoolSeedView(s.text.seedId(), s.generation, s.origin.name(), s.parentId, s.operator, s.kind,
                    s.templateVersion, s.text.category(), s.text.instruction(), s.text.input(), s.text.output());
        }
    }
}
