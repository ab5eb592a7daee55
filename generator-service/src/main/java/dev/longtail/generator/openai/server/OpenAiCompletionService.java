package dev.longtail.generator.openai.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.core.random.SeedMixer;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.backend.ChatMessage;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.SamplingSettings;
import dev.longtail.generator.openai.protocol.ChatCompletion;
import dev.longtail.generator.openai.protocol.ChatCompletionRequest;
import dev.longtail.generator.openai.protocol.CompletionParameters;
import dev.longtail.generator.openai.protocol.Message;
import dev.longtail.generator.openai.protocol.ModelList;
import dev.longtail.generator.openai.protocol.TextCompletion;
import dev.longtail.generator.openai.protocol.TextCompletionRequest;

/**
 * Answers the OpenAI-compatible endpoints with the served embedded model: checks the model asked for, samples
 * {@code n} completions (the first with the request's seed, the others with seeds derived from it), cuts each at the
 * first stop sequence, and answers with the whole body or, asked to stream, with server-sent events. The requests
 * arrive validated (their records' constraints); a sampling failure throws the backend's exception.
 */
@ApplicationScoped
public class OpenAiCompletionService {

    /** temperature 0 means greedy to OpenAI clients; the model needs T &gt; 0, and p^(1/0.05) is near-greedy. */
    static final double NEAR_GREEDY_TEMPERATURE = 0.05;

    /** What a request is answered with: a JSON body, or a stream of server-sent events (then {@code json} is null). */
    public record Answer(Object json, String eventStream) {
    }

    private final ServedModel model;
    private final EventStreamWriter streams;
    private final GeneratorConfig.Serving config;

    public OpenAiCompletionService(ServedModel model, EventStreamWriter streams, GeneratorConfig config) {
        this.model = model;
        this.streams = streams;
        this.config = config.serving();
    }

    /** The one model served. */
    public ModelList models() {
        return ModelList.of(model.id(), "longtail");
    }

    /** A chat answer: the last message is the prompt the model continues. */
    public Answer chat(ChatCompletionRequest request) {
        List<ChatMessage> messages = request.messages().stream()
                .map(m -> new ChatMessage(m.role() == null ? "user" : m.role(), m.content())).toList();
        SampledChoices sampled = sample(request, messages, messages.get(messages.size() - 1).content(),
                Boolean.TRUE.equals(request.logprobs()), true);
        if (Boolean.TRUE.equals(request.stream())) {
            return new Answer(null, streams.chat(sampled, includeUsage(request)));
        }
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < sampled.choices().size(); i++) {
            Completion c = sampled.choices().get(i);
            choices.add(new ChatCompletion.Choice(i, new Message("assistant", c.text()),
                    SampledChoices.chatLogprobs(c.logprobs()), c.finishReason()));
        }
        return new Answer(new ChatCompletion(sampled.id(), "chat.completion", sampled.created(), sampled.model(),
                sampled.fingerprint(), choices, sampled.usage()), null);
    }

    /** A completions answer: the prompt is continued as the one user message. */
    public Answer complete(TextCompletionRequest request) {
        SampledChoices sampled = sample(request, List.of(ChatMessage.user(request.prompt())), request.prompt(),
                request.logprobs() != null && request.logprobs() >= 0, false);
        if (Boolean.TRUE.equals(request.stream())) {
            return new Answer(null, streams.text(sampled, includeUsage(request)));
        }
        List<TextCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < sampled.choices().size(); i++) {
            Completion c = sampled.choices().get(i);
            choices.add(new TextCompletion.Choice(i, c.text(), SampledChoices.textLogprobs(c.logprobs()),
                    c.finishReason()));
        }
        return new Answer(new TextCompletion(sampled.id(), "text_completion", sampled.created(), sampled.model(),
                sampled.fingerprint(), choices, sampled.usage(), null), null);
    }

    private SampledChoices sample(CompletionParameters request, List<ChatMessage> messages, String prompt,
            boolean logprobs, boolean chat) {
        String requested = request.model() == null ? model.id() : request.model();
        if (!requested.equals(model.id())) {
            throw new OpenAiException(404, "model_not_found", "The model `" + requested + "` does not exist", "model");
        }
        double temperature = request.temperature() == null ? 1.0 : request.temperature();
        double topP = request.topP() == null ? 1.0 : request.topP();
        int maxTokens = request.maxCompletionTokens() != null ? request.maxCompletionTokens()
                : request.maxTokens() != null ? request.maxTokens() : config.defaultMaxTokens();
        int n = request.n() == null ? 1 : request.n();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        double sampling = temperature == 0 ? NEAR_GREEDY_TEMPERATURE : temperature;
        List<String> stops = request.stop() == null ? List.of()
                : request.stop().stream().filter(s -> s != null && !s.isEmpty()).toList();
        List<Completion> choices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long choiceSeed = i == 0 ? seed : SeedMixer.derive(seed, "choice-" + i);
            Completion completion = model.complete(new CompletionRequest(messages, prompt,
                    new SamplingSettings(sampling, topP, maxTokens, choiceSeed), logprobs));
            choices.add(cutAtStop(completion, stops));
        }
        return SampledChoices.of(model.id(), chat, choices);
    }

    private static boolean includeUsage(CompletionParameters request) {
        return request.streamOptions() != null && Boolean.TRUE.equals(request.streamOptions().includeUsage());
    }

    /** The completion up to the earliest stop sequence in it, then finished by {@code stop}; else as it was. */
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
}
