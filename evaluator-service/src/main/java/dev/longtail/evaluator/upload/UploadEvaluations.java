package dev.longtail.evaluator.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.CollapsePolicy;
import dev.longtail.core.feedback.PlanValues;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.evaluator.evaluation.Baselines;
import dev.longtail.evaluator.report.CampaignReport;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A platform's own dataset scored against its own reference, outside any campaign (POST /api/v1/evaluations, in
 * {@link UploadResource}): every metric, its change against the reference, and a verdict with reasons.
 */
@ApplicationScoped
public class UploadEvaluations {

    private final Baselines baselines;
    private final EvaluatorConfig config;
    private final JsonlCorpus jsonl;

    public UploadEvaluations(Baselines baselines, EvaluatorConfig config, ObjectMapper mapper) {
        this.baselines = baselines;
        this.config = config;
        this.jsonl = new JsonlCorpus(mapper, config.maxUploadRecords());
    }

    /** The answer: what was measured, on how much, and what it means. */
    public record UploadEvaluation(int records, int referenceRecords, int heldOutRecords, boolean heldOutFromReference,
            Map<String, Double> metrics, Map<String, Integer> sampleSizes,
            Map<String, CollapseMeasurement.CategoryShare> categories, Map<String, Double> referenceMetrics,
            Map<String, CampaignReport.Comparison> vsReference, String verdict, List<String> reasons) {
    }

    /**
     * Scores {@code dataset} against {@code reference}; without {@code heldOut} every fifth reference record is held
     * out for the perplexity metrics. Empty parts, too few or too many records answer 400.
     */
    public UploadEvaluation evaluate(FileUpload dataset, FileUpload reference, FileUpload heldOut) {
        List<CorpusText> version = jsonl.read(dataset, "dataset");
        List<CorpusText> real = jsonl.read(reference, "reference");
        if (version.isEmpty()) {
            throw ProblemException.badRequest("dataset has no records");
        }
        List<CorpusText> held;
        boolean split = heldOut == null;
        if (split) {
            if (real.size() < 5) {
                throw ProblemException.badRequest("reference needs at least 5 records when no heldOut part is given (has "
                        + real.size() + ")");
            }
            held = new ArrayList<>();
            List<CorpusText> kept = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) {
                (i % 5 == 4 ? held : kept).add(real.get(i));
            }
            real = kept;
        } else {
            held = jsonl.read(heldOut, "heldOut");
            if (held.isEmpty()) {
                throw ProblemException.badRequest("heldOut has no records");
            }
        }
        if (version.size() + real.size() + held.size() > config.maxUploadRecords()) {
            throw ProblemException.badRequest("at most " + config.maxUploadRecords() + " records in all (got "
                    + (version.size() + real.size() + held.size()) + ")");
        }
        CollapseBaseline baseline = baselines.buildTexts(real, held);
        CollapseMeasurement referenceMeasured = baseline.measureReference();
        CollapseMeasurement measured = baseline.measure(version);
        var policy = new CollapsePolicy(config.feedback().thresholds(), config.collapse().thresholds());
        // No plan to adjust: NaN knobs make the policy judge without proposing changes.
        Assessment assessment = policy.assess(referenceMeasured.values(), null, null, measured.values(),
                new PlanValues(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        Map<String, CampaignReport.Comparison> changes = new LinkedHashMap<>();
        measured.values().forEach((k, v) -> changes.put(k, CampaignReport.Comparison.of(v, referenceMeasured.values().get(k))));
        return new UploadEvaluation(version.size(), real.size(), held.size(), split, measured.values(),
                measured.sampleSizes(), measured.categories(), referenceMeasured.values(), changes,
                assessment.health().name(), assessment.reasons());
    }
}
