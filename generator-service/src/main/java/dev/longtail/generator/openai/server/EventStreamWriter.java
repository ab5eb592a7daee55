package dev.longtail.generator.openai.server;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.openai.protocol.ChatCompletionChunk;
import dev.longtail.generator.openai.protocol.Message;
import dev.longtail.generator.openai.protocol.TextCompletion;

/**
 * Writes sampled choices as OpenAI streams them, as server-sent events ({@code text/event-stream}): per choice, for
 * chat first the assistant's role, then its text in pieces that each start at a space (as tokens do), with all its
 * log-probabilities once, on the first piece (the pieces are words, not tokens), then a chunk with why it stopped;
 * asked for, a last chunk with the usage; then {@code [DONE]}.
 */
@ApplicationScoped
public class EventStreamWriter {

    private static final String DONE = "data: [DONE]\n\n";

    private final ObjectMapper mapper;

    public EventStreamWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The stream of a chat answer ({@code chat.completion.chunk} events). */
    public String chat(SampledChoices sampled, boolean includeUsage) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sampled.choices().size(); i++) {
            Completion c = sampled.choices().get(i);
            event(out, chatChunk(sampled, new ChatCompletionChunk.Choice(i, new Message("assistant", ""), null, null)));
            List<String> pieces = pieces(c.text());
            for (int p = 0; p < pieces.size(); p++) {
                event(out, chatChunk(sampled, new ChatCompletionChunk.Choice(i, new Message(null, pieces.get(p)),
                        p == 0 ? SampledChoices.chatLogprobs(c.logprobs()) : null, null)));
            }
            event(out, chatChunk(sampled, new ChatCompletionChunk.Choice(i, new Message(null, null), null,
                    c.finishReason())));
        }
        if (includeUsage) {
            event(out, new ChatCompletionChunk(sampled.id(), "chat.completion.chunk", sampled.created(),
                    sampled.model(), sampled.fingerprint(), List.of(), sampled.usage(), null));
        }
        return out.append(DONE).toString();
    }

    /** The stream of a completions answer ({@code text_completion} events). */
    public String text(SampledChoices sampled, boolean includeUsage) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sampled.choices().size(); i++) {
            Completion c = sampled.choices().get(i);
            List<String> pieces = pieces(c.text());
            for (int p = 0; p < pieces.size(); p++) {
                event(out, textChunk(sampled, new TextCompletion.Choice(i, pieces.get(p),
                        p == 0 ? SampledChoices.textLogprobs(c.logprobs()) : null, null)));
            }
            event(out, textChunk(sampled, new TextCompletion.Choice(i, "", null, c.finishReason())));
        }
        if (includeUsage) {
            event(out, new TextCompletion(sampled.id(), "text_completion", sampled.created(), sampled.model(),
                    sampled.fingerprint(), List.of(), sampled.usage(), null));
        }
        return out.append(DONE).toString();
    }

    private static ChatCompletionChunk chatChunk(SampledChoices sampled, ChatCompletionChunk.Choice choice) {
        return new ChatCompletionChunk(sampled.id(), "chat.completion.chunk", sampled.created(), sampled.model(),
                sampled.fingerprint(), List.of(choice), null, null);
    }

    private static TextCompletion textChunk(SampledChoices sampled, TextCompletion.Choice choice) {
        return new TextCompletion(sampled.id(), "text_completion", sampled.created(), sampled.model(),
                sampled.fingerprint(), List.of(choice), null, null);
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

    private void event(StringBuilder out, Object chunk) {
        try {
            out.append("data: ").append(mapper.writeValueAsString(chunk)).append("\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stream event", e);
        }
    }
}
