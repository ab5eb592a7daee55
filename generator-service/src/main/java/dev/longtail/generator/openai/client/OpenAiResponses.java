package dev.longtail.generator.openai.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.RetryableBackendException;
import dev.longtail.generator.backend.TokenLogprob;
import dev.longtail.generator.openai.protocol.ApiError;
import dev.longtail.generator.openai.protocol.ChatCompletion;
import dev.longtail.generator.openai.protocol.ChatCompletionChunk;
import dev.longtail.generator.openai.protocol.ChatLogprobs;
import dev.longtail.generator.openai.protocol.TextCompletion;
import dev.longtail.generator.openai.protocol.TextLogprobs;
import dev.longtail.generator.openai.protocol.Usage;

/**
 * Reads what an OpenAI-compatible server answered: a JSON body, or a stream of server-sent events assembled into
 * one answer, into the shared protocol records. Classifies failures: 429 and 5xx are retryable (with Retry-After),
 * other statuses and malformed bodies are not, a stream that ends before {@code [DONE]} is retryable. Pure apart from
 * Jackson.
 */
public final class OpenAiResponses {

    /** What one answer held; token counts are null when the server reported no usage. */
    public record Answer(String text, Integer promptTokens, Integer completionTokens, String finishReason,
            List<TokenLogprob> logprobs, String model) {
    }

    private static final int MAX_DETAIL = 300;
    /** Reads error bodies, which arrive where no configured mapper is at hand ({@link #checkStatus}). */
    private static final ObjectMapper ERRORS = new ObjectMapper();

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
        if (chat) {
            ChatCompletion answer = read(mapper, body, ChatCompletion.class, "response");
            ChatCompletion.Choice choice = firstChoice(answer.choices());
            String text = choice.message() == null ? null : choice.message().content();
            return answer(text, answer.usage(), choice.finishReason(), logprobs(choice.logprobs()), answer.model(),
                    "message.content");
        }
        TextCompletion answer = read(mapper, body, TextCompletion.class, "response");
        TextCompletion.Choice choice = firstChoice(answer.choices());
        return answer(choice.text(), answer.usage(), choice.finishReason(), logprobs(choice.logprobs()),
                answer.model(), "text");
    }

    private static Answer answer(String text, Usage usage, String finishReason, List<TokenLogprob> logprobs,
            String model, String textField) {
        if (text == null) {
            throw BackendException.permanent("malformed response: choices[0] has no " + textField);
        }
        return new Answer(text, usage == null ? null : usage.promptTokens(),
                usage == null ? null : usage.completionTokens(), finishReason, logprobs, model);
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
        var assembled = new Assembly();
        for (String data : events) {
            if (chat) {
                ChatCompletionChunk chunk = read(mapper, data, ChatCompletionChunk.class, "stream event");
                assembled.header(data, chunk.error(), chunk.model(), chunk.usage());
                if (chunk.choices() != null && !chunk.choices().isEmpty()) {
                    ChatCompletionChunk.Choice choice = chunk.choices().get(0);
                    assembled.piece(choice.delta() == null ? null : choice.delta().content(),
                            logprobs(choice.logprobs()), choice.finishReason());
                }
            } else {
                TextCompletion chunk = read(mapper, data, TextCompletion.class, "stream event");
                assembled.header(data, chunk.error(), chunk.model(), chunk.usage());
                if (chunk.choices() != null && !chunk.choices().isEmpty()) {
                    TextCompletion.Choice choice = chunk.choices().get(0);
                    assembled.piece(choice.text(), logprobs(choice.logprobs()), choice.finishReason());
                }
            }
        }
        return assembled.answer();
    }

    /** A streamed answer as its events come in; the usage-only last event has no choice. */
    private static final class Assembly {
        private final StringBuilder text = new StringBuilder();
        private final List<TokenLogprob> logprobs = new ArrayList<>();
        private boolean anyLogprobs;
        private String finish;
        private String model;
        private Integer promptTokens;
        private Integer completionTokens;

        void header(String data, Object error, String chunkModel, Usage usage) {
            if (error != null) {
                throw new RetryableBackendException("stream error" + errorMessage(data), -1, null);
            }
            model = model == null ? chunkModel : model;
            if (usage != null) {
                promptTokens = usage.promptTokens();
                completionTokens = usage.completionTokens();
            }
        }

        void piece(String piece, List<TokenLogprob> pieceLogprobs, String reason) {
            if (piece != null) {
                text.append(piece);
            }
            if (pieceLogprobs != null) {
                anyLogprobs = true;
                logprobs.addAll(pieceLogprobs);
            }
            finish = reason != null ? reason : finish;
        }

        Answer answer() {
            if (finish == null) {
                throw new RetryableBackendException("truncated stream: no choice ever finished", -1, null);
            }
            return new Answer(text.toString(), promptTokens, completionTokens, finish, anyLogprobs ? logprobs : null,
                    model);
        }
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

    private static <T> T read(ObjectMapper mapper, String text, Class<T> type, String what) {
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw BackendException.permanent("malformed " + what + ": not a JSON object: " + abbreviate(text));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw BackendException.permanent("malformed " + what + ": " + e.getOriginalMessage());
        }
    }

    private static <C> C firstChoice(List<C> choices) {
        if (choices == null || choices.isEmpty()) {
            throw BackendException.permanent("malformed response: no choices");
        }
        return choices.get(0);
    }

    private static List<TokenLogprob> logprobs(ChatLogprobs logprobs) {
        if (logprobs == null || logprobs.content() == null) {
            return null;
        }
        return logprobs.content().stream().map(t -> new TokenLogprob(t.token(), t.logprob())).toList();
    }

    private static List<TokenLogprob> logprobs(TextLogprobs logprobs) {
        if (logprobs == null || logprobs.tokens() == null || logprobs.tokenLogprobs() == null) {
            return null;
        }
        List<TokenLogprob> out = new ArrayList<>();
        for (int i = 0; i < Math.min(logprobs.tokens().size(), logprobs.tokenLogprobs().size()); i++) {
            Double logprob = logprobs.tokenLogprobs().get(i);
            out.add(new TokenLogprob(logprobs.tokens().get(i), logprob == null ? 0 : logprob));
        }
        return out;
    }

    /** The error body's message, else the start of the body, as the end of a failure's detail. */
    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            ApiError error = ERRORS.readValue(body, ApiError.class);
            if (error != null && error.error() != null && error.error().message() != null) {
                return ": " + abbreviate(error.error().message());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not OpenAI's error shape: show the start of the text instead
        }
        return ": " + abbreviate(body);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "…";
    }
}
