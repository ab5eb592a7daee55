package dev.longtail.generator.openai.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.RetryableBackendException;

/** Reading OpenAI answers and classifying their failures, and the retry backoff. */
class OpenAiResponsesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldReadAChatAnswerWithUsageAndLogprobs() {
        var answer = OpenAiResponses.parse(mapper, """
                {"model": "m", "choices": [{"message": {"role": "assistant", "content": "Hi there"},
                  "logprobs": {"content": [{"token": "Hi", "logprob": -0.5}, {"token": " there", "logprob": -1.5}]},
                  "finish_reason": "stop"}], "usage": {"prompt_tokens": 7, "completion_tokens": 2}}
                """, true);
        assertEquals("Hi there", answer.text());
        assertEquals(7, answer.promptTokens());
        assertEquals(2, answer.completionTokens());
        assertEquals("stop", answer.finishReason());
        assertEquals(-1.5, answer.logprobs().get(1).logprob());
    }

    @Test
    void shouldReadACompletionAnswerWithoutUsage() {
        var answer = OpenAiResponses.parse(mapper, """
                {"choices": [{"text": "blue", "finish_reason": "length",
                  "logprobs": {"tokens": ["blue"], "token_logprobs": [-0.1]}}]}
                """, false);
        assertEquals("blue", answer.text());
        assertNull(answer.promptTokens());
        assertEquals(1, answer.logprobs().size());
    }

    @Test
    void shouldAssembleAStreamUpToDone() {
        var answer = OpenAiResponses.parseStream(mapper, """
                data: {"model": "m", "choices": [{"delta": {"role": "assistant", "content": ""}, "finish_reason": null}]}

                data: {"choices": [{"delta": {"content": "Hello"}, "finish_reason": null}]}

                data: {"choices": [{"delta": {"content": " world"}, "finish_reason": null}]}

                data: {"choices": [{"delta": {}, "finish_reason": "stop"}]}

                data: {"choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 2}}

                data: [DONE]

                """, true);
        assertEquals("Hello world", answer.text());
        assertEquals(3, answer.promptTokens());
        assertEquals("stop", answer.finishReason());
    }

    @Test
    void shouldCallAStreamWithoutDoneTruncatedAndRetryable() {
        var e = assertThrows(BackendException.class, () -> OpenAiResponses.parseStream(mapper, """
                data: {"choices": [{"delta": {"content": "Hello"}, "finish_reason": null}]}

                data: {"choices": [{"delta": {"content": " wor
                """, true));
        assertInstanceOf(RetryableBackendException.class, e);
        assertTrue(e.getMessage().startsWith("truncated stream"), e.getMessage());
    }

    @Test
    void shouldCallMalformedJsonPermanent() {
        var e = assertThrows(BackendException.class, () -> OpenAiResponses.parse(mapper, "{\"choices\": [", true));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().startsWith("malformed response"), e.getMessage());
        var empty = assertThrows(BackendException.class, () -> OpenAiResponses.parse(mapper, "{\"choices\": []}", true));
        assertFalse(empty.retryable());
    }

    @Test
    void shouldRetryOn429And5xxButNotOnOther4xx() {
        var limited = assertThrows(BackendException.class,
                () -> OpenAiResponses.checkStatus(429, "{\"error\": {\"message\": \"slow down\"}}", "2", null));
        assertTrue(limited.retryable());
        assertEquals(2000, limited.retryAfterMillis());
        assertEquals("HTTP 429: slow down", limited.getMessage());
        assertTrue(assertThrows(BackendException.class, () -> OpenAiResponses.checkStatus(503, "", null, null)).retryable());
        assertFalse(assertThrows(BackendException.class, () -> OpenAiResponses.checkStatus(401, "no", null, null)).retryable());
        OpenAiResponses.checkStatus(200, "{}", null, null);
    }

    @Test
    void shouldPreferRetryAfterMillisecondsAndIgnoreNonsense() {
        assertEquals(150, OpenAiResponses.retryAfterMillis("9", "150"));
        assertEquals(-1, OpenAiResponses.retryAfterMillis("soon", null));
        assertEquals(-1, OpenAiResponses.retryAfterMillis(null, null));
    }

    @Test
    void shouldBackOffExponentiallyWithinTheMaximumAndHonourRetryAfter() {
        var backoff = new RetryBackoff(1_000, 0);
        backoff.init(100);
        assertEquals(100, backoff.nextDelayInMillis(new RuntimeException()));
        assertEquals(200, backoff.nextDelayInMillis(new RuntimeException()));
        assertEquals(400, backoff.nextDelayInMillis(new RuntimeException()));
        assertEquals(900, backoff.nextDelayInMillis(new RetryableBackendException("429", 900, null)));
        assertEquals(1_000, backoff.nextDelayInMillis(new RetryableBackendException("429", 60_000, null)));
        var jittered = new RetryBackoff(1_000, 0.5);
        jittered.init(100);
        long delay = jittered.nextDelayInMillis(new RuntimeException());
        assertTrue(delay >= 50 && delay <= 100, "jitter drops at most half: " + delay);
    }
}
