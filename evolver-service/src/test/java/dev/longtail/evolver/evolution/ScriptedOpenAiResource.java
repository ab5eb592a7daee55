package dev.longtail.evolver.evolution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.longtail.evolver.FakeServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A scripted OpenAI-compatible server for the LLM form: {@code POST /v1/chat/completions} answers a rewriting prompt
 * with the prompt's instruction plus a sentence naming the request's seed, the judge with "Not Equal", and anything
 * else (a probe) with a plain answer. It demands {@code Authorization: Bearer test-key}, as a hosted server would.
 */
public class ScriptedOpenAiResource implements QuarkusTestResourceLifecycleManager {

    /** Chat completions answered so far (the tests read it). */
    public static final AtomicInteger CALLS = new AtomicInteger();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INSTRUCTION = Pattern.compile("(?m)^(?:First )?[Ii]nstruction: (.+)$");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = FakeServers.onFreePort();
        server.createContext("/v1/chat/completions", exchange -> {
            if (!"Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                FakeServers.respond(exchange, 401, "{\"error\":{\"message\":\"bad key\"}}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            String prompt = request.path("messages").path(0).path("content").asText();
            CALLS.incrementAndGet();
            FakeServers.respond(exchange, 200, completion(reply(prompt, request.path("seed").asLong())));
        });
        server.start();
        return Map.of("longtail.evolver.llm.base-url", FakeServers.url(server) + "/v1",
                "longtail.evolver.llm.api-key", "test-key");
    }

    private static String reply(String prompt, long seed) {
        if (prompt.contains("Your judgement")) {
            return "Not Equal";
        }
        Matcher m = INSTRUCTION.matcher(prompt);
        if (prompt.startsWith("I want you to act as") && m.find()) {
            return m.group(1).strip() + " Consider case " + Long.toHexString(seed) + " of the tidal archive.";
        }
        return "A plain answer that explains the matter with care, covering its causes and its effects in turn.";
    }

    private static byte[] completion(String content) throws IOException {
        return MAPPER.writeValueAsBytes(Map.of("id", "chatcmpl-test", "object", "chat.completion", "model", "scripted",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content)))));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
