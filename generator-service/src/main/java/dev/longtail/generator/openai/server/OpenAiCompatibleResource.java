package dev.longtail.generator.openai.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.ChatMessage;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.SamplingSettings;
import dev.longtail.generator.backend.TokenLogprob;
import dev.longtail.core.random.SeedMixer;
import io.smallrye.common.annotation.Blocking;

/**
 * The embedded model behind the OpenAI HTTP API ({@code /v1/models}, {@code /v1/completions},
 * {@code /v1/chat/completions}, JSON or server-sent events), so that any OpenAI client, and the generator's own
 * OpenAI backend in the build, can use it. Errors use OpenAI's {@code {"error": {...}}} shape, which clients parse.
 */
@Path("/v1")
public class OpenAiCompatibleResource {

    private static final Logger LOG = Logger.getLogger(OpenAiCompatibleResource.class);
    /** temperature 0 means greedy to OpenAI clients; the model needs T &gt; 0, and p^(1/0.05) is near-greedy. */
    static final double NEAR_GREEDY_TEMPERATURE = 0.05;
    private static final int MAX_CHOICES = 8;

    private final ServedModel model;
    private final GeneratorConfig.Serving config;
    private final ObjectMapper mapper;

    public OpenAiCompatibleResource(ServedModel model, GeneratorConfig config, ObjectMapper mapper) {
        this.model = model;
        this.config = config.serving();
        this.mapper = mapper;
    }

    @GET
    @Path("/models")
    public Response models(@HeaderParam("Authorization") String authorization) {
        if (!config.enabled()) {
            return error(404, "not_found", "the OpenAI-compatible endpoints are disabled", null);
        }
        if (!authorized(authorization)) {
            return unauthorized();
        }
        ObjectNode list = mapper.createObjectNode().put("object", "list");
        list.putArray("data").addObject().put("id", model.id()).put("object", "model")
                .put("created", 0).put("owned_by", "longtail");
        return Response.ok(list, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response chatCompletions(@HeaderParam("Authorization") String authorization, String body) {
        return authorized(authorization) ? serve(body, true) : unauthorized();
    }

    @POST
    @Path("/completions")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response completions(@HeaderParam("Authorization") String authorization, String body) {
        return authorized(authorization) ? serve(body, false) : unauthorized();
    }

    /** Without a configured key the endpoints are open; with one, the bearer token must match it exactly. */
    private boolean authorized(String authorization) {
        return config.apiKey().filter(key -> !key.isBlank())
                .map(key -> java.security.MessageDigest.isEqual(("Bearer " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        (authorization == null ? "" : authorization).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .orElse(true);
    }

    private Response unauthorized() {
        return error(401, "invalid_api_key", "a valid API key is required (Authorization: Bearer ...)", null);
    }

    /** A request the endpoint refuses, with the parameter at fault. */
    private static final class InvalidRequest extends RuntimeException {
        final int status;
        final String code;
        final String param;

        InvalidRequest(int status, String code, String message, String param) {
            super(message);
            this.status = status;
            this.code = code;
            this.param = param;
        }
    }

    private Response serve(String body, boolean chat) {
        if (!config.enabled()) {
            return error(404, "not_found", "the OpenAI-compatible endpoints are disabled", null);
        }
        try {
            JsonNode request = parse(body);
            String requested = request.path("model").asText(model.id());
            if (!requested.equals(model.id())) {
                throw new InvalidRequest(404, "model_not_found", "The model `" + requested + "` does not exist", "model");
            }
            List<ChatMessage> messages = chat ? messages(request) : List.of(ChatMessage.user(prompt(request)));
            String flat = chat ? messages.get(messages.size() - 1).content() : messages.get(0).content();
            double temperature = number(request, "temperature", 1.0, 0, 2);
            double topP = number(request, "top_p", 1.0, 0, 1);
            if (topP == 0) {
                throw new InvalidRequest(400, "invalid_value", "top_p must be > 0", "top_p");
            }
            int maxTokens = (int) number(request, request.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens",
                    config.defaultMaxTokens(), 1, 8192);
            int n = (int) number(request, "n", 1, 1, MAX_CHOICES);
            long seed = request.path("seed").canConvertToLong() ? request.path("seed").asLong()
                    : ThreadLocalRandom.current().nextLong();
            boolean logprobs = chat ? request.path("logprobs").asBoolean(false)
                    : request.path("logprobs").isInt() && request.path("logprobs").asInt() >= 0;
            List<String> stops = stops(request.path("stop"));
            var sampling = temperature == 0 ? NEAR_GREEDY_TEMPERATURE : temperature;
            List<Completion> choices = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long choiceSeed = i == 0 ? seed : SeedMixer.derive(seed, "choice-" + i);
                choices.add(model.complete(new CompletionRequest(messages, flat,
                        new SamplingSettings(sampling, topP, maxTokens, choiceSeed), logprobs)));
            }
            choices = choices.stream().map(c -> cutAtStop(c, stops)).toList();
            String id = (chat ? "chatcmpl-" : "cmpl-") + UUID.randomUUID();
            boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
            if (request.path("stream").asBoolean(false)) {
                return Response.ok(stream(id, chat, choices, includeUsage), MediaType.SERVER_SENT_EVENTS)
                        .header("Cache-Control", "no-cache").build();
            }
            return Response.ok(whole(id, chat, choices), MediaType.APPLICATION_JSON).build();
        } catch (InvalidRequest e) {
            return error(e.status, e.code, e.getMessage(), e.param);
        } catch (BackendException e) {
            return error(400, "invalid_request_error", e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The OpenAI-compatible endpoint failed");
            return error(500, "server_error", "the model failed; it has been logged", null);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = mapper.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new InvalidRequest(400, "invalid_request_error", "the body must be a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequest(400, "invalid_request_error", "malformed JSON: " + e.getOriginalMessage(), null);
        }
    }

    private static List<ChatMessage> messages(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest(400, "invalid_request_error", "messages must be a non-empty array", "messages");
        }
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode message : messages) {
            JsonNode content = message.path("content");
            String text;
            if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) {
                StringBuilder parts = new StringBuilder();
                content.forEach(part -> parts.append(part.path("text").asText("")));
                text = parts.toString();
            } else {
                throw new InvalidRequest(400, "invalid_request_error", "every message needs content", "messages");
            }
            out.add(new ChatMessage(message.path("role").asText("user"), text));
        }
        return out;
    }

    private static String prompt(JsonNode request) {
        JsonNode prompt = request.path("prompt");
        if (prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
            return prompt.get(0).asText();
        }
        if (!prompt.isTextual()) {
            throw new InvalidRequest(400, "invalid_request_error", "prompt must be a string", "prompt");
        }
        return prompt.asText();
    }

    private static double number(JsonNode request, String field, double fallback, double min, double max) {
        JsonNode node = request.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw new InvalidRequest(400, "invalid_value", field + " must be a number in [" + min + ", " + max + "]", field);
        }
        return node.asDouble();
    }

    private static List<String> stops(JsonNode stop) {
        List<String> stops = new ArrayList<>();
        if (stop.isTextual()) {
            stops.add(stop.asText());
        } else if (stop.isArray()) {
            stop.forEach(s -> stops.add(s.asText()));
        }
        stops.removeIf(String::isEmpty);
        return stops;
    }

    private static Completion cutAtStop(Completion c, List<String> stops) {
        int cut = -1;
        for (String stop : stops) {
            int at = c.text().indexOf(stop);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        if (cut < 0) {
            return c;
        }
        return new Completion(c.text().substring(0, cut), c.promptTokens(), c.completionTokens(), c.latencyMicros(),
                "stop", c.logprobs(), c.model(), c.attempts());
    }

    private ObjectNode whole(String id, boolean chat, List<Completion> choices) {
        ObjectNode root = header(id, chat ? "chat.completion" : "text_completion");
        ArrayNode array = root.putArray("choices");
        for (int i = 0; i < choices.size(); i++) {
            Completion c = choices.get(i);
            ObjectNode choice = array.addObject().put("index", i);
            if (chat) {
                choice.putObject("message").put("role", "assistant").put("content", c.text());
            } else {
                choice.put("text", c.text());
            }
            putLogprobs(choice, chat, c.logprobs());
            choice.put("finish_reason", c.finishReason());
        }
        root.set("usage", usage(choices));
        return root;
    }

    private String stream(String id, boolean chat, List<Completion> choices, boolean includeUsage) {
        StringBuilder out = new StringBuilder();
        String object = chat ? "chat.completion.chunk" : "text_completion";
        for (int i = 0; i < choices.size(); i++) {
            Completion c = choices.get(i);
            if (chat) {
                ObjectNode first = header(id, object);
                ObjectNode choice = first.putArray("choices").addObject().put("index", i);
                choice.putObject("delta").put("role", "assistant").put("content", "");
                choice.putNull("finish_reason");
                event(out, first);
            }
            List<String> pieces = pieces(c.text());
            for (int p = 0; p < pieces.size(); p++) {
                ObjectNode chunk = header(id, object);
                ObjectNode choice = chunk.putArray("choices").addObject().put("index", i);
                if (chat) {
                    choice.putObject("delta").put("content", pieces.get(p));
                } else {
                    choice.put("text", pieces.get(p));
                }
                if (p == 0) {
                    putLogprobs(choice, chat, c.logprobs()); // all of them once: the pieces are words, not tokens
                }
                choice.putNull("finish_reason");
                event(out, chunk);
            }
            ObjectNode last = header(id, object);
            ObjectNode choice = last.putArray("choices").addObject().put("index", i);
            if (chat) {
                choice.putObject("delta");
            } else {
                choice.put("text", "");
            }
            choice.put("finish_reason", c.finishReason());
            event(out, last);
        }
        if (includeUsage) {
            ObjectNode usage = header(id, object);
            usage.putArray("choices");
            usage.set("usage", usage(choices));
            event(out, usage);
        }
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    /** The text in pieces that concatenate back to it: each piece starts at a space, as tokens do. */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split("(?=\\s)")) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    private void event(StringBuilder out, ObjectNode chunk) {
        out.append("data: ").append(chunk.toString()).append("\n\n");
    }

    private ObjectNode header(String id, String object) {
        return mapper.createObjectNode().put("id", id).put("object", object)
                .put("created", Instant.now().getEpochSecond()).put("model", model.id())
                .put("system_fingerprint", "longtail-" + model.id());
    }

    private void putLogprobs(ObjectNode choice, boolean chat, List<TokenLogprob> logprobs) {
        if (logprobs == null) {
            choice.putNull("logprobs");
            return;
        }
        if (chat) {
            ArrayNode content = choice.putObject("logprobs").putArray("content");
            logprobs.forEach(t -> content.addObject().put("token", t.token()).put("logprob", t.logprob())
                    .putNull("bytes").putArray("top_logprobs"));
        } else {
            ObjectNode node = choice.putObject("logprobs");
            ArrayNode tokens = node.putArray("tokens");
            ArrayNode values = node.putArray("token_logprobs");
            logprobs.forEach(t -> {
                tokens.add(t.token());
                values.add(t.logprob());
            });
            node.putNull("top_logprobs");
        }
    }

    private ObjectNode usage(List<Completion> choices) {
        int prompt = choices.isEmpty() ? 0 : choices.get(0).promptTokens();
        int completion = choices.stream().mapToInt(Completion::completionTokens).sum();
        return mapper.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    private Response error(int status, String code, String message, String param) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error").put("message", message)
                .put("type", status >= 500 ? "server_error" : "invalid_request_error").put("code", code);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(root).build();
    }
}
