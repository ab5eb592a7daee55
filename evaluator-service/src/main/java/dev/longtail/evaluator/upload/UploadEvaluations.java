package dev.longtail.evaluator.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.core.feedback.SizeMatchedPolicy;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.core.metrics.SizeMatchedReference;
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
 * {@link UploadResource}): every metric, its change against the reference and against real samples of the dataset's
 * size, and a verdict listing every signal that fired ({@link SizeMatchedPolicy}: with no generation 1 to compare
 * with, the size-matched samples are the baseline).
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
        this.policy = new SizeMatchedPolicy(config.upload().thresholds());
    }

    private final SizeMatchedPolicy policy;

    /**
     * The answer: what was measured, on how much, and what it means. {@code metrics.synthetic*} are measured on the
     * dataset's texts that are not reference texts ({@code sampleSizes.syntheticTexts} of them); {@code sizeMatched}
     * is what real samples of the dataset's size get, {@code vsSizeMatched} the dataset against it; {@code signals}
     * are the signals that fired, each with its numbers ({@code reasons} their text), {@code notJudged} the signals
     * that could not be judged and why.
     */
    public record UploadEvaluation(int records, int referenceRecords, int heldOutRecords, boolean heldOutFromReference,
            Map<String, Double> metrics, Map<String, Integer> sampleSizes,
            Map<String, CollapseMeasurement.CategoryShare> categories, Map<String, Double> referenceMetrics,
            Map<String, CampaignReport.Comparison> vsReference, String verdict, List<String> reasons,
            SizeMatchedReference sizeMatched, Map<String, CampaignReport.Comparison> vsSizeMatched,
            List<SizeMatchedPolicy.Signal> signals, List<String> notJudged) {
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
        // Texts that copy the reference are read as over-probable by the generation-0 model trained on it: the
        // perplexity signature is judged on the others (the measurement's synthetic part).
        CollapseMeasurement measured = baseline.measure(version,
                version.stream().filter(t -> !baseline.isReferenceText(t)).toList());
        SizeMatchedReference expected = baseline.sizeMatched(version.size(), Math.max(1, config.upload().referenceSamples()));
        var verdict = policy.assess(expected, measured);
        return new UploadEvaluation(version.size(), real.size(), held.size(), split, measured.values(),
                measured.sampleSizes(), measured.categories(), referenceMeasured.values(),
                compare(measured.values(), referenceMeasured.values()), verdict.health().name(), verdict.reasons(),
                expected, compare(measured.values(), expected.values()), verdict.signals(), verdict.notJudged());
    }

    private static Map<String, CampaignReport.Comparison> compare(Map<String, Double> values, Map<String, Double> baseline) {
        Map<String, CampaignReport.Comparison> changes = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (baseline.containsKey(k)) {
                changes.put(k, CampaignReport.Comparison.of(v, baseline.get(k)));
            }
        });
        return changes;
    }
}
