package dev.longtail.generator.openai.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.RetryableBackendException;
import dev.longtail.generator.backend.TokenLogprob;

/**
 * Reads what an OpenAI-compatible server answered: a JSON body, or a stream of server-sent events assembled into
 * one answer. Classifies failures: 429 and 5xx are retryable (with Retry-After), other statuses and malformed
 * bodies are not, a stream that ends before {@code [DONE]} is retryable. Pure apart from Jackson.
 */
public final class OpenAiResponses {

    /** What one answer held; token counts are null when the server reported no usage. */
    public record Answer(String text, Integer promptTokens, Integer completionTokens, String finishReason,
            List<TokenLogprob> logprobs, String model) {
    }

    private static final int MAX_DETAIL = 300;

    private OpenAiResponses() {
    }

    /** Throws the right {@link BackendException} for a non-2xx status; returns normally for 2xx. */
    public static void checkStatus(int status, String body, String retryAfter, String retryAfterMs) {
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = "HTTP " + status + errorMessage(body);
        if (status == 429 || status >= 500) {
            throw new RetryableBackendException(detail, retryAfterMillis(retryAfter, retryAfterMs), null);
        }
        throw BackendException.permanent(detail);
    }

    /** Parses a complete JSON answer of either API. */
    public static Answer parse(ObjectMapper mapper, String body, boolean chat) {
        JsonNode root = readJson(mapper, body, "response");
        JsonNode choice = firstChoice(root);
        String text = chat ? textOf(choice.path("message").path("content")) : textOf(choice.path("text"));
        if (text == null) {
            throw BackendException.permanent("malformed response: choices[0] has no "
                    + (chat ? "message.content" : "text"));
        }
        List<TokenLogprob> logprobs = chat ? chatLogprobs(choice.path("logprobs")) : completionLogprobs(choice.path("logprobs"));
        JsonNode usage = root.path("usage");
        return new Answer(text, intOrNull(usage.path("prompt_tokens")), intOrNull(usage.path("completion_tokens")),
                textOf(choice.path("finish_reason")), logprobs, textOf(root.path("model")));
    }

    /** Assembles a server-sent-event stream; throws a retryable failure when it was cut before {@code [DONE]}. */
    public static Answer parseStream(ObjectMapper mapper, String body, boolean chat) {
        List<String> events = new ArrayList<>();
        boolean done = false;
        for (String line : body.split("\r?\n")) {
            if (!line.startsWith("data:")) {
                continue; // comments, event names and blank separators
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                done = true;
                break;
            }
            events.add(data);
        }
        if (!done) {
            throw new RetryableBackendException("truncated stream: it ended after " + events.size()
                    + " events without [DONE]", -1, null);
        }
        StringBuilder text = new StringBuilder();
        List<TokenLogprob> logprobs = new ArrayList<>();
        boolean anyLogprobs = false;
        String finish = null;
        String model = null;
        Integer promptTokens = null;
        Integer completionTokens = null;
        for (String data : events) {
            JsonNode chunk = readJson(mapper, data, "stream event");
            if (chunk.has("error")) {
                throw new RetryableBackendException("stream error" + errorMessage(data), -1, null);
            }
            model = model == null ? textOf(chunk.path("model")) : model;
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                promptTokens = intOrNull(usage.path("prompt_tokens"));
                completionTokens = intOrNull(usage.path("completion_tokens"));
            }
            JsonNode choices = chunk.path("choices");
            if (!choices.isArray() || choices.isEmpty()) {
                continue; // the usage-only final chunk
            }
            JsonNode choice = choices.get(0);
            String piece = chat ? textOf(choice.path("delta").path("content")) : textOf(choice.path("text"));
            if (piece != null) {
                text.append(piece);
            }
            List<TokenLogprob> pieceLogprobs = chat ? chatLogprobs(choice.path("logprobs"))
                    : completionLogprobs(choice.path("logprobs"));
            if (pieceLogprobs != null) {
                anyLogprobs = true;
                logprobs.addAll(pieceLogprobs);
            }
            String reason = textOf(choice.path("finish_reason"));
            finish = reason != null ? reason : finish;
        }
        if (finish == null) {
            throw new RetryableBackendException("truncated stream: no choice ever finished", -1, null);
        }
        return new Answer(text.toString(), promptTokens, completionTokens, finish, anyLogprobs ? logprobs : null, model);
    }

    /** Milliseconds from {@code retry-after-ms} or {@code Retry-After} (seconds or an HTTP date), else -1. */
    static long retryAfterMillis(String retryAfter, String retryAfterMs) {
        try {
            if (retryAfterMs != null && !retryAfterMs.isBlank()) {
                return (long) Double.parseDouble(retryAfterMs.strip());
            }
            if (retryAfter == null || retryAfter.isBlank()) {
                return -1;
            }
            String value = retryAfter.strip();
            if (value.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(value) * 1000;
            }
            var when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(ZonedDateTime.now(when.getZone()), when).toMillis());
        } catch (NumberFormatException | DateTimeParseException e) {
            return -1;
        }
    }

    private static JsonNode readJson(ObjectMapper mapper, String text, String what) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw BackendException.permanent("malformed " + what + ": not a JSON object: " + abbreviate(text));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw BackendException.permanent("malformed " + what + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode firstChoice(JsonNode root) {
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw BackendException.permanent("malformed response: no choices");
        }
        return choices.get(0);
    }

    private static List<TokenLogprob> chatLogprobs(JsonNode logprobs) {
        JsonNode content = logprobs.path("content");
        if (!content.isArray()) {
            return null;
        }
        List<TokenLogprob> out = new ArrayList<>();
        content.forEach(t -> out.add(new TokenLogprob(t.path("token").asText(), t.path("logprob").asDouble())));
        return out;
    }

    private static List<TokenLogprob> completionLogprobs(JsonNode logprobs) {
        JsonNode tokens = logprobs.path("tokens");
        JsonNode values = logprobs.path("token_logprobs");
        if (!tokens.isArray() || !values.isArray()) {
            return null;
        }
        List<TokenLogprob> out = new ArrayList<>();
        for (int i = 0; i < Math.min(tokens.size(), values.size()); i++) {
            out.add(new TokenLogprob(tokens.get(i).asText(), values.get(i).asDouble()));
        }
        return out;
    }

    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode message = new ObjectMapper().readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return ": " + abbreviate(message.asText());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: show the start of the text instead
        }
        return ": " + abbreviate(body);
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "…";
    }
}
