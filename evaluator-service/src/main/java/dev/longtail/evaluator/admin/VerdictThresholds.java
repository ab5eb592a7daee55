package dev.longtail.evaluator.admin;

import dev.longtail.core.feedback.FeedbackThresholds;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.support.admin.InvalidSettingException;
import dev.longtail.support.admin.TypedTunables;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The verdict's feedback thresholds ({@code longtail.evaluator.feedback.*}) as runtime settings: an operator can make
 * the evaluator stricter or looser without a restart ({@code PATCH /admin/config}); the next evaluation uses them.
 */
@Singleton // not a client proxy: TypedTunables has no no-args constructor
public class VerdictThresholds extends TypedTunables<FeedbackThresholds> {

    static final String DRIFTING_PERPLEXITY = "feedback.driftingPerplexityRatio";
    static final String COLLAPSING_PERPLEXITY = "feedback.collapsingPerplexityRatio";
    static final String DRIFTING_TAIL = "feedback.driftingTailCoverageRatio";
    static final String COLLAPSING_TAIL = "feedback.collapsingTailCoverageRatio";
    static final String DISTINCT2_DROP = "feedback.distinct2DropTolerance";

    public VerdictThresholds(EvaluatorConfig config) {
        super(config.feedback().thresholds());
    }

    /** The thresholds in force now. */
    public FeedbackThresholds feedback() {
        return current();
    }

    @Override
    public Map<String, Object> startupValues() {
        FeedbackThresholds startup = startup();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DRIFTING_PERPLEXITY, startup.driftingPerplexityRatio());
        values.put(COLLAPSING_PERPLEXITY, startup.collapsingPerplexityRatio());
        values.put(DRIFTING_TAIL, startup.driftingTailCoverageRatio());
        values.put(COLLAPSING_TAIL, startup.collapsingTailCoverageRatio());
        values.put(DISTINCT2_DROP, startup.distinct2DropTolerance());
        return values;
    }

    @Override
    protected FeedbackThresholds parse(Map<String, Object> values) {
        double driftingPerplexity = InvalidSettingException.number(DRIFTING_PERPLEXITY, values.get(DRIFTING_PERPLEXITY));
        double collapsingPerplexity = InvalidSettingException.number(COLLAPSING_PERPLEXITY, values.get(COLLAPSING_PERPLEXITY));
        double driftingTail = InvalidSettingException.number(DRIFTING_TAIL, values.get(DRIFTING_TAIL));
        double collapsingTail = InvalidSettingException.number(COLLAPSING_TAIL, values.get(COLLAPSING_TAIL));
        double distinct2 = InvalidSettingException.number(DISTINCT2_DROP, values.get(DISTINCT2_DROP));
        try {
            return new FeedbackThresholds(driftingPerplexity, collapsingPerplexity, driftingTail, collapsingTail, distinct2);
        } catch (IllegalArgumentException e) {
            // the record's messages name its fields without the "feedback." prefix
            String key = values.keySet().stream()
                    .filter(k -> Pattern.compile("\\b" + Pattern.quote(k.substring("feedback.".length())) + "\\b")
                            .matcher(String.valueOf(e.getMessage())).find())
                    .findFirst().orElse(DRIFTING_PERPLEXITY);
            throw new InvalidSettingException(key, e.getMessage());
        }
    }
}
