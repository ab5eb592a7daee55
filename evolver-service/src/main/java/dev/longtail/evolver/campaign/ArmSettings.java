package dev.longtail.evolver.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A campaign arm's settings, fixed when the campaign is created, every one filled in (a request's absent field takes
 * the configured default): what the collapse benchmark varies. The same columns in {@code campaign} and
 * {@code experiment_arm}. {@code tokenBudget} null: no fixed budget. Campaigns created before arms existed have no
 * anchor policy, keep share or carry-over (the curator chose them); those read null.
 */
@Embeddable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArmSettings(
        @Column(name = "anchor_policy") String anchorPolicy,
        @Column(name = "anchor_ratio") Double anchorRatio,
        Boolean feedback,
        @Column(name = "keep_share") Double keepShare,
        @Column(name = "carry_over") Double carryOver,
        @Column(name = "candidate_factor") Integer candidateFactor,
        @Column(name = "token_budget") Integer tokenBudget,
        Double temperature,
        @Column(name = "top_p") Double topP) {

    /** The anchor policies a campaign may name, as a pattern (the names of the curator's AnchorPolicy). */
    public static final String ANCHOR_POLICIES = "replace|ratio|accumulate|accumulate-subsample|tail-preserving";

    /** The one anchor policy whose versions keep a share of the accepted tokens. */
    public static final String TAIL_PRESERVING = "tail-preserving";

    /** Samples generated per kept record (1 for campaigns created before arms existed). */
    public int candidatesPerRecord() {
        return candidateFactor == null ? 1 : candidateFactor;
    }

    /** Whether the evaluator's adjustments reach the next plan (yes for campaigns created before arms existed). */
    public boolean feedbackOn() {
        return feedback == null || feedback;
    }

    /**
     * The keep share an arm gets when it sets none: with a candidate factor k &gt; 1 under the tail-preserving policy,
     * 1/k, so that a version keeps about samplesPerGeneration records' worth of tokens out of the k × as many the
     * generation made; else the configured one.
     */
    static double defaultKeepShare(String anchorPolicy, int candidateFactor, double configured) {
        return TAIL_PRESERVING.equals(anchorPolicy) && candidateFactor > 1 ? 1.0 / candidateFactor : configured;
    }
}
