package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SamplingParameters;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One generation of a campaign: its plan, what evolution made of the pool, the sealed dataset version (the
 * next generation's training corpus) and its evaluation. Unique per (campaign, generation).
 */
@Entity
@Table(name = "generation")
public class Generation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "campaign_id")
    public UUID campaignId;

    public int generation;

    @Column(name = "in_breadth_share")
    public double inBreadthShare;
    public double temperature;
    @Column(name = "top_p")
    public double topP;
    @Column(name = "max_tokens")
    public int maxTokens;
    @Column(name = "sampling_random_seed")
    public long samplingRandomSeed;
    @Column(name = "evolution_random_seed")
    public long evolutionRandomSeed;
    @Column(name = "anchor_ratio")
    public double anchorRatio;
    @Column(name = "near_duplicate_threshold")
    public double nearDuplicateThreshold;
    @Column(name = "min_words")
    public int minWords;
    @Column(name = "max_words")
    public int maxWords;
    /** The generator backend the campaign chose; null: the generator's default. */
    public String backend;
    /** The arm's settings the plan carries; null in generations from before arms (the curator's own). */
    @Column(name = "anchor_policy")
    public String anchorPolicy;
    @Column(name = "keep_share")
    public Double keepShare;
    @Column(name = "carry_over")
    public Double carryOver;
    @Column(name = "token_budget")
    public Integer tokenBudget;
    public Boolean feedback;
    @Column(name = "candidate_factor")
    public Integer candidateFactor;

    public int evolved;
    public int eliminated;
    /** JSON object: reason → count. */
    @Column(name = "eliminated_by_reason")
    public String eliminatedByReason;

    /** JSON object: operator → attempts. */
    @Column(name = "attempts_by_operator")
    public String attemptsByOperator;
    /** JSON object: operator → reason → eliminated attempts. */
    @Column(name = "eliminated_by_operator")
    public String eliminatedByOperator;
    /** JSON object: category → operator → the weight this generation drew with (absent: 1). */
    @Column(name = "operator_weights")
    public String operatorWeights;
    /** JSON array of OperatorBandit.WeightChange: the changes made before this generation, with reasons. */
    @Column(name = "weight_changes")
    public String weightChanges;
    /** JSON of EvolutionWiring.GapSummary: the gaps that guided this generation; null when not gap-driven. */
    public String gaps;
    /** Which information-gain judge eliminated with rule 1. */
    @Column(name = "gain_judge")
    public String gainJudge;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "dataset_version_id")
    public String datasetVersionId;
    @Column(name = "sealed_generated")
    public Integer sealedGenerated;
    @Column(name = "sealed_accepted")
    public Integer sealedAccepted;
    @Column(name = "sealed_rejected")
    public Integer sealedRejected;
    @Column(name = "sealed_failed")
    public Integer sealedFailed;
    @Column(name = "sealed_anchor_records")
    public Integer sealedAnchorRecords;
    /** JSON object: reason → count. */
    @Column(name = "sealed_rejected_by_reason")
    public String sealedRejectedByReason;
    /** JSON array of DatasetRecord: the next generation's training corpus. */
    @Column(name = "sealed_records")
    public String sealedRecords;
    @Column(name = "sealed_at")
    public Instant sealedAt;

    @Column(name = "evaluation_id")
    public String evaluationId;
    public String verdict;
    /** JSON array of strings. */
    @Column(name = "verdict_reasons")
    public String verdictReasons;
    /** JSON array of Adjustment. */
    public String adjustments;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    public GenerationPlan plan() {
        return new GenerationPlan(inBreadthShare,
                new SamplingParameters(temperature, topP, maxTokens, samplingRandomSeed),
                new CurationPolicy(anchorRatio, nearDuplicateThreshold, minWords, maxWords, anchorPolicy, keepShare,
                        carryOver, tokenBudget), backend, feedback, candidateFactor);
    }

    void applyPlan(GenerationPlan plan) {
        inBreadthShare = plan.inBreadthShare();
        temperature = plan.sampling().temperature();
        topP = plan.sampling().topP();
        maxTokens = plan.sampling().maxTokens();
        samplingRandomSeed = plan.sampling().randomSeed();
        anchorRatio = plan.curation().anchorRatio();
        nearDuplicateThreshold = plan.curation().nearDuplicateThreshold();
        minWords = plan.curation().minWords();
        maxWords = plan.curation().maxWords();
        backend = plan.backend();
        anchorPolicy = plan.curation().anchorPolicy();
        keepShare = plan.curation().keepShare();
        carryOver = plan.curation().carryOver();
        tokenBudget = plan.curation().tokenBudget();
        feedback = plan.feedback();
        candidateFactor = plan.candidateFactor();
    }

    boolean sealed() {
        return datasetVersionId != null;
    }

    boolean evaluated() {
        return verdict != null;
    }

    public static Optional<Generation> of(UUID campaignId, int generation) {
        return find("campaignId = ?1 and generation = ?2", campaignId, generation).firstResultOptional();
    }

    public static List<Generation> ofCampaign(UUID campaignId) {
        return list("campaignId = ?1 order by generation", campaignId);
    }
}
