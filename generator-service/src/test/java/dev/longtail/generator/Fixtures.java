package dev.longtail.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.contracts.TrainingText;

/** Test data: 30 real instruction/response pairs in 5 categories. */
public final class Fixtures {

    private Fixtures() {
    }

    public static List<TrainingText> trainingCorpus() {
        var mapper = new ObjectMapper();
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/training.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> {
                try {
                    var node = mapper.readTree(line);
                    return new TrainingText(node.get("instruction").asText(), node.get("input").asText(),
                            node.get("output").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
