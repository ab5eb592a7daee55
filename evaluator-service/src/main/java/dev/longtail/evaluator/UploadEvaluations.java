package dev.longtail.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.CollapsePolicy;
import dev.longtail.core.feedback.PlanValues;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.support.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A platform's own dataset scored against its own reference, outside any campaign: JSONL uploads (one object
 * per line with {@code text}, or {@code instruction}/{@code input}/{@code output}; optional {@code category}),
 * answered synchronously (POST /api/v1/evaluations, in {@link ReportResource}) with every metric, its change against the reference, and a verdict with reasons.
 */
@jakarta.enterprise.context.ApplicationScoped
public class UploadEvaluations {

    private final Baselines baselines;
    private final EvaluatorConfig config;
    private final ObjectMapper mapper;

    public UploadEvaluations(Baselines baselines, EvaluatorConfig config, ObjectMapper mapper) {
        this.baselines = baselines;
        this.config = config;
        this.mapper = mapper;
    }

    /** The answer: what was measured, on how much, and what it means. */
    public record UploadEvaluation(int records, int referenceRecords, int heldOutRecords, boolean heldOutFromReference,
            Map<String, Double> metrics, Map<String, Integer> sampleSizes,
            Map<String, CollapseMeasurement.CategoryShare> categories, Map<String, Double> referenceMetrics,
            Map<String, CampaignReport.Comparison> vsReference, String verdict, List<String> reasons) {
    }

    /**
     * Multipart form: {@code dataset} (JSONL, required), {@code reference} (JSONL, required), {@code heldOut}
     * (JSONL, optional: without it every fifth reference record is held out for the perplexity metrics).
     */
    public UploadEvaluation evaluate(FileUpload dataset, FileUpload reference, FileUpload heldOut) {
        if (dataset == null || reference == null) {
            throw ProblemException.badRequest("multipart parts `dataset` and `reference` (JSONL files) are required");
        }
        List<CorpusText> version = read(dataset, "dataset");
        List<CorpusText> real = read(reference, "reference");
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
            held = read(heldOut, "heldOut");
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

    private List<CorpusText> read(FileUpload upload, String part) {
        List<CorpusText> texts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(upload.uploadedFile(), StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (texts.size() >= config.maxUploadRecords()) {
                    throw ProblemException.badRequest(part + " has more than " + config.maxUploadRecords() + " records");
                }
                texts.add(parse(line, part, number));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest(part + " cannot be read: " + e.getMessage());
        }
        return texts;
    }

    private CorpusText parse(String line, String part, int number) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest(part + " line " + number + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest(part + " line " + number + " cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest(part + " line " + number + " is not a JSON object");
        }
        String category = node.hasNonNull("category") ? node.get("category").asText() : null;
        if (node.hasNonNull("text")) {
            return CorpusText.of(node.get("text").asText(), category);
        }
        if (!node.hasNonNull("instruction") && !node.hasNonNull("output")) {
            throw ProblemException.badRequest(part + " line " + number
                    + " has neither `text` nor `instruction`/`output`");
        }
        return CorpusText.of(VersionMetrics.join(text(node, "instruction"), text(node, "input"), text(node, "output")),
                category);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
