package dev.longtail.evaluator.control;

import dev.longtail.core.feedback.KnobAction;
import dev.longtail.core.feedback.KnobStep;
import dev.longtail.core.feedback.Outcome;
import dev.longtail.core.feedback.PastStep;
import dev.longtail.core.feedback.TargetSignal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One plan knob's step in one evaluation, as the loop controller decided it, and what became of it. */
@Entity
@Table(name = "control_step")
public class ControlStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "evaluation_id", nullable = false)
    public UUID evaluationId;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    public int generation;

    @Column(nullable = false)
    public String parameter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KnobAction action;

    @Column(name = "from_value", nullable = false)
    public double fromValue;

    @Column(name = "to_value", nullable = false)
    public double toValue;

    @Column(name = "good_streak", nullable = false)
    public int goodStreak;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_signal", nullable = false)
    public TargetSignal targetSignal;

    /** The target signal's value in this generation; null when not measured. */
    @Column(name = "signal_before")
    public Double signalBefore;

    /** Its value in the next generation; null until then, or when not measured. */
    @Column(name = "signal_after")
    public Double signalAfter;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    /** Whether the next generation's plan carried the change; null until that generation is evaluated. */
    public Boolean applied;

    @Column(nullable = false)
    public String reason;

    @Column(name = "held_because")
    public String heldBecause;

    static ControlStep of(UUID evaluationId, String campaignId, int generation, KnobStep step) {
        var row = new ControlStep();
        row.id = UUID.randomUUID();
        row.evaluationId = evaluationId;
        row.campaignId = campaignId;
        row.generation = generation;
        row.parameter = step.parameter();
        row.action = step.action();
        row.fromValue = step.from();
        row.toValue = step.to();
        row.goodStreak = step.goodStreak();
        row.targetSignal = step.targetSignal();
        row.signalBefore = finite(step.signalBefore());
        row.reason = step.reason();
        row.heldBecause = step.heldBecause();
        return row;
    }

    KnobStep toKnobStep() {
        return new KnobStep(parameter, action, fromValue, toValue, goodStreak, targetSignal,
                signalBefore == null ? Double.NaN : signalBefore, reason, heldBecause);
    }

    PastStep toPastStep() {
        return new PastStep(parameter, generation, action, goodStreak, outcome, applied);
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The campaign's steps, by generation. */
    public static List<ControlStep> ofCampaign(String campaignId) {
        return list("campaignId = ?1 order by generation, parameter", campaignId);
    }

    /** The steps of one evaluation. */
    public static List<ControlStep> ofEvaluation(UUID evaluationId) {
        return list("evaluationId = ?1 order by parameter", evaluationId);
    }
}
