package dev.longtail.evaluator.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.evaluator.evaluation.VersionMetrics;
import dev.longtail.support.ProblemException;
import dev.longtail.support.StrictJsonRequests;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reads an uploaded JSONL part as texts for the metrics: one object per line with {@code text}, or
 * {@code instruction}/{@code input}/{@code output} (joined as a record's text is); optional {@code category};
 * blank lines skipped. A bad line answers 400 naming the part and the line.
 */
final class JsonlCorpus {

    private final ObjectMapper mapper;
    private final int maxRecords;

    /** The fields a line may have; anything else is a mistake in the file, refused rather than ignored. */
    private static final Set<String> FIELDS = Set.of("id", "text", "category", "instruction", "input", "output");

    JsonlCorpus(ObjectMapper mapper, int maxRecords) {
        this.mapper = StrictJsonRequests.strict(mapper);
        this.maxRecords = maxRecords;
    }

    List<CorpusText> read(FileUpload upload, String part) {
        List<CorpusText> texts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(upload.uploadedFile(), StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (texts.size() >= maxRecords) {
                    throw ProblemException.badRequest(part + " has more than " + maxRecords + " records");
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
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(part + " line " + number + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest(part + " line " + number + " is not a JSON object");
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!FIELDS.contains(field.getKey())) {
                throw ProblemException.badRequest(part + " line " + number + " has an unknown field `"
                        + field.getKey() + "`; known: " + FIELDS);
            }
            JsonNode value = field.getValue();
            if (!value.isNull() && (!value.isTextual() || value.asText().indexOf('\u0000') >= 0)) {
                throw ProblemException.badRequest(part + " line " + number + ": `" + field.getKey()
                        + "` must be a string without NUL characters");
            }
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
