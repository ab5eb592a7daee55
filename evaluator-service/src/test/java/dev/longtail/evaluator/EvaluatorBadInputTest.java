package dev.longtail.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.support.testing.BadInputSuite;
import dev.longtail.support.testing.BadRequests;
import dev.longtail.support.testing.TableSnapshot;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the evaluator under generated bad input: each bad upload and unknown id answers a 4xx
 * problem, never a 5xx, and no table changes.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class EvaluatorBadInputTest extends BadInputSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "longtail-bad-input-boundary";

    @Override
    protected String service() {
        return "evaluator";
    }

    @Test
    void shouldRejectEveryBadUploadWithAProblem() throws Exception {
        TableSnapshot before = TableSnapshot.of(dataSource);
        byte[] reference = IntStream.range(0, 6).mapToObj(i -> "{\"text\": \"the tide rises and falls " + i
                + " times\", \"category\": \"sea\"}").collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
        String line = JSON.writeValueAsString(Map.of("instruction", "Explain tides.", "input", "",
                "output", "The moon pulls the sea.", "category", "sea"));
        for (BadRequests.Case c : BadRequests.jsonBodyCases(line, List.of(), BadRequests.PER_KIND)) {
            if (c.body().length == 0) {
                continue; // an empty dataset is "dataset has no records": covered below
            }
            for (String part : List.of("dataset", "reference")) {
                var parts = new LinkedHashMap<String, byte[]>();
                parts.put("dataset", reference);
                parts.put("reference", reference);
                parts.put(part, concat(reference, "\n".getBytes(StandardCharsets.UTF_8), c.body()));
                bad.expectRejected("POST", "/api/v1/evaluations", multipart(c.kind(), parts));
            }
        }
        bad.expectRejected("POST", "/api/v1/evaluations", multipart("missing part", Map.of("dataset", reference)));
        bad.expectRejected("POST", "/api/v1/evaluations", multipart("missing part", Map.of("reference", reference)));
        bad.expectRejected("POST", "/api/v1/evaluations", multipart("empty part", Map.of("dataset", new byte[0],
                "reference", reference)));
        bad.expectRejected("POST", "/api/v1/evaluations", new BadRequests.Case("wrong content type",
                "application/json", line.getBytes(StandardCharsets.UTF_8)));
        bad.expectRejected("POST", "/api/v1/evaluations", new BadRequests.Case("malformed multipart",
                "multipart/form-data; boundary=" + BOUNDARY, "--" .concat(BOUNDARY).concat("\r\nContent-Dispo")
                        .getBytes(StandardCharsets.UTF_8)));
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        assertEquals(413, bad.expectRejected("POST", "/api/v1/evaluations", BadRequests.overLimit(limit + 1024))
                .status());
        // rows only: the outbox of earlier test classes in this application still marks their evaluations published
        assertEquals(before.rowCounts(), TableSnapshot.of(dataSource).rowCounts());
    }

    @Test
    void shouldAnswerUnknownIdsOfEveryReadEndpointWithAProblem() {
        TableSnapshot before = TableSnapshot.of(dataSource);
        for (String id : BadRequests.unknownIds(BadRequests.PER_KIND)) {
            String e = BadRequests.encode(id);
            for (String path : List.of("/api/v1/campaigns/" + e + "/report", "/api/v1/campaigns/" + e + "/report.html",
                    "/api/v1/evaluations/" + e, "/api/v1/dataset-versions/" + e + "/records.jsonl")) {
                bad.expectRejected("GET", path, null);
            }
        }
        assertEquals(before.rowCounts(), TableSnapshot.of(dataSource).rowCounts());
    }

    private static BadRequests.Case multipart(String kind, Map<String, byte[]> parts) {
        var body = new ByteArrayOutputStream();
        parts.forEach((name, content) -> {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + ".jsonl\"\r\nContent-Type: application/x-ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new BadRequests.Case(kind, "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    private static byte[] concat(byte[]... arrays) {
        var out = new ByteArrayOutputStream();
        for (byte[] a : arrays) {
            out.writeBytes(a);
        }
        return out.toByteArray();
    }
}
