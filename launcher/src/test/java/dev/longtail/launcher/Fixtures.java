package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON fixtures under src/test/resources, shaped like the services' answers (EXPERIMENTS-API contract). */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static ObjectNode json(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return json(resource).toString();
    }

    /** The running experiment with every campaign at {@code completed} generations and the given status. */
    static ObjectNode experimentAt(int completed, String campaignStatus, String status) {
        ObjectNode experiment = json("experiment-running.json");
        experiment.put("status", status);
        for (JsonNode arm : experiment.path("arms")) {
            for (JsonNode campaign : arm.path("campaigns")) {
                ((ObjectNode) campaign).put("completedGenerations", completed).put("status", campaignStatus);
            }
        }
        return experiment;
    }
}
