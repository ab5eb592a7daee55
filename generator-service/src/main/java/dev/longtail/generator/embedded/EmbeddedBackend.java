package dev.longtail.generator.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.longtail.contracts.TrainingText;
import dev.longtail.core.lm.ConditionedModel;
import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.lm.RetrievalInterpolatedModel;
import dev.longtail.core.lm.RetrievalRecord;
import dev.longtail.core.lm.Sampling;
import dev.longtail.core.random.SeedMixer;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.BackendHealth;
import dev.longtail.generator.backend.BackendLimiter;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.backend.TokenLogprob;

/**
 * The embedded backend: a Kneser-Ney n-gram model trained on a batch's training corpus, interpolated with a model of
 * the responses of the corpus records whose instructions are nearest to the prompt's (kNN-LM style, see
 * {@link RetrievalInterpolatedModel}), sampled once per prompt after the last user message. Real, small, and it really
 * collapses when fed its own output. It follows an instruction's topic, not meta-instructions (self-instruct,
 * rephrase): it answers in the style of its training responses.
 */
@ApplicationScoped
public class EmbeddedBackend implements GenerationBackend {

    public static final String NAME = "embedded";
    public static final String NO_TRAINING_DATA = "no training data";

    private static final Logger LOG = Logger.getLogger(EmbeddedBackend.class);

    private final int order;
    private final int neighbours;
    private final double weight;
    private final BackendLimiter limiter;
    private volatile Boolean healthy;

    public EmbeddedBackend(GeneratorConfig config) {
        this.order = config.ngramOrder();
        this.neighbours = config.embedded().retrieval().neighbours();
        this.weight = config.embedded().retrieval().weight();
        if (neighbours < 0 || !(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("longtail.generator.embedded.retrieval: neighbours must be >= 0 and weight"
                    + " in [0, 1), were " + neighbours + " and " + weight);
        }
        this.limiter = new BackendLimiter(config.embedded().maxConcurrency(), 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    /** The model's name in provenance: {@code kneser-ney-3}, or {@code kneser-ney-3+knn8} when it retrieves 8 records. */
    @Override
    public String model() {
        return "kneser-ney-" + order + (neighbours > 0 && weight > 0 ? "+knn" + neighbours : "");
    }

    @Override
    public boolean needsTrainingCorpus() {
        return true;
    }

    @Override
    public BackendLimiter limiter() {
        return limiter;
    }

    @Override
    public Session open(List<TrainingText> trainingCorpus) {
        List<TrainingText> usable = trainingCorpus == null ? List.of() : trainingCorpus.stream()
                .filter(t -> t != null && t.output() != null && !t.output().isBlank())
                .toList();
        if (usable.isEmpty()) {
            throw BackendException.permanent(NO_TRAINING_DATA);
        }
        RetrievalInterpolatedModel model;
        try {
            model = train(usable);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Training the embedded model failed");
            throw BackendException.permanent("training failed: " + e.getMessage());
        }
        return request -> complete(model, request);
    }

    /**
     * Trains the Kneser-Ney model on the texts and indexes the same texts for retrieval (the model retrieves only from
     * what it is trained on); the caller makes sure there is at least one.
     */
    public RetrievalInterpolatedModel train(List<TrainingText> corpus) {
        List<List<String>> sequences = corpus.stream()
                .map(e -> PromptFormat.trainingSequence(e.instruction(), e.input(), e.output()))
                .toList();
        List<RetrievalRecord> records = corpus.stream().map(e -> new RetrievalRecord(
                        Objects.toString(e.instruction(), "") + "\n" + Objects.toString(e.input(), ""),
                        PromptFormat.prompt(e.instruction(), e.input()), Tokenizer.tokenize(e.output())))
                .toList();
        return new RetrievalInterpolatedModel(KneserNeyModel.train(sequences, order), records, neighbours, weight);
    }

    /**
     * Samples after the last user message, conditioned on it (its nearest training records retrieved), with a
     * generator seeded by the request's seed alone, so the same request gives the same text in-process and through
     * the OpenAI-compatible endpoints.
     */
    public Completion complete(RetrievalInterpolatedModel trained, CompletionRequest request) {
        long start = System.nanoTime();
        var settings = request.sampling();
        Sampling sampling;
        try {
            sampling = new Sampling(settings.temperature(), settings.topP(), settings.maxTokens());
        } catch (IllegalArgumentException e) {
            throw BackendException.permanent("invalid sampling parameters: " + e.getMessage());
        }
        List<String> prompt = PromptFormat.prompt(request.lastUserContent(), "");
        ConditionedModel model = trained.conditionedOn(request.lastUserContent());
        List<String> continuation;
        try {
            continuation = model.sample(prompt, sampling, new SplittableRandom(settings.seed()));
        } catch (RuntimeException e) {
            throw new BackendException("sampling failed: " + e, false, -1, e);
        }
        List<String> response = PromptFormat.responseTokens(continuation);
        List<TokenLogprob> logprobs = request.logprobs() ? logprobs(model, prompt, continuation) : null;
        String finish = continuation.size() >= sampling.maxTokens() ? "length" : "stop";
        long latencyMicros = (System.nanoTime() - start) / 1_000;
        return new Completion(Tokenizer.detokenize(response), prompt.size() - 1, response.size(), latencyMicros,
                finish, logprobs, model(), 1);
    }

    /** The untempered model's log-probability of each emitted response token in its context. */
    private static List<TokenLogprob> logprobs(ConditionedModel model, List<String> prompt, List<String> continuation) {
        List<String> context = new ArrayList<>(prompt);
        List<TokenLogprob> out = new ArrayList<>(continuation.size());
        for (String token : continuation) {
            double logprob = model.logProbability(context, token);
            context.add(token);
            if (!PromptFormat.RESPONSE_MARKER.equals(token)) {
                out.add(new TokenLogprob(token, logprob));
            }
        }
        return out;
    }

    @Override
    public BackendHealth health() {
        long start = System.nanoTime();
        boolean ok = healthy();
        return new BackendHealth(ok, "NONE", (System.nanoTime() - start) / 1_000_000,
                ok ? "trains and samples" : "failed its probe (see the log)");
    }

    /**
     * Whether the backend can train and sample: checked once with a tiny corpus, so that a broken model
     * shows as unhealthy instead of failing every generation.
     */
    public boolean healthy() {
        Boolean known = healthy;
        if (known == null) {
            known = probe();
            healthy = known;
        }
        return known;
    }

    private boolean probe() {
        try {
            var model = train(List.of(
                    new TrainingText("Name a colour.", "", "Blue is a colour."),
                    new TrainingText("Name a fruit.", "", "An apple is a fruit.")));
            model.conditionedOn("Name a colour.").sample(PromptFormat.prompt("Name a colour.", ""),
                    new Sampling(1.0, 1.0, 8), SeedMixer.rng(1, "probe"));
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf(e, "The embedded backend failed its probe");
            return false;
        }
    }
}
