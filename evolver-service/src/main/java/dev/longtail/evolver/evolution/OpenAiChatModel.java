package dev.longtail.evolver.evolution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.core.evolution.ChatModel;
import dev.longtail.evolver.EvolverConfig;

/**
 * The operators' language model behind any OpenAI-compatible {@code POST <base>/chat/completions}: the generator's
 * own {@code /v1} (which serves the embedded model) or another server (vLLM, OpenAI). One user message per call, the
 * evolution's random seed passed as {@code seed}; an unreachable server, an error status or an answer without a
 * choice is a {@link ChatModel.ChatFailure}, which fails that evolution attempt only.
 */
public final class OpenAiChatModel implements ChatModel {

    private final EvolverConfig.Llm config;
    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper mapper;

    public OpenAiChatModel(EvolverConfig.Llm config, String baseUrl, ObjectMapper mapper) {
        this.config = config;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String reply(String prompt, long randomSeed) {
        Map<String, Object> body = Map.of("model", config.model(),
                "messages", List.of(Map.of("role", "user", "content", prompt)),
                "temperature", config.temperature(), "max_tokens", config.maxTokens(), "seed", randomSeed);
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
            config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChatFailure("chat endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatFailure("interrupted while asking " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ChatFailure("chat endpoint " + endpoint + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()), null);
        }
        try {
            JsonNode content = mapper.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new ChatFailure("chat endpoint " + endpoint + " answered without a message: "
                        + abbreviate(response.body()), null);
            }
            return content.asText();
        } catch (IOException e) {
            throw new ChatFailure("chat endpoint " + endpoint + " answered malformed JSON", e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
