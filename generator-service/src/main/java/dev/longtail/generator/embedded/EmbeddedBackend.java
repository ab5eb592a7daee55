package dev.longtail.generator.embedded;

import java.util.List;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.lm.Sampling;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.generator.GeneratorConfig;

/**
 * The embedded backend: a Kneser-Ney n-gram model trained on a generation's training corpus, sampled once
 * per instruction. Real, small, and it really collapses when fed its own output.
 */
@ApplicationScoped
public class EmbeddedBackend {

    public static final String NAME = "embedded";

    private final int order;
    private volatile Boolean healthy;

    public EmbeddedBackend(GeneratorConfig config) {
        this.order = config.ngramOrder();
    }

    public String name() {
        return NAME;
    }

    /** The model's name in provenance, for example {@code kneser-ney-3}. */
    public String model() {
        return "kneser-ney-" + order;
    }

    /** One example to learn from: an instruction, its optional input and the response. */
    public record Example(String instruction, String input, String output) {
    }

    /** One sampled response: its text, its number of tokens and how long sampling took. */
    public record Completion(String output, int tokens, long latencyMicros) {
    }

    /** Trains a model on the examples; the caller makes sure there is at least one. */
    public KneserNeyModel train(List<Example> corpus) {
        List<List<String>> sequences = corpus.stream()
                .map(e -> PromptFormat.trainingSequence(e.instruction(), e.input(), e.output()))
                .toList();
        return KneserNeyModel.train(sequences, order);
    }

    /** Samples a response to one instruction; an empty output is the caller's to judge. */
    public Completion complete(KneserNeyModel model, String instruction, String input, Sampling sampling,
            RandomGenerator rng) {
        long start = System.nanoTime();
        List<String> continuation = model.sample(PromptFormat.prompt(instruction, input), sampling, rng);
        List<String> response = PromptFormat.responseTokens(continuation);
        String output = Tokenizer.detokenize(response);
        long latencyMicros = (System.nanoTime() - start) / 1_000;
        return new Completion(output, response.size(), latencyMicros);
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
                    new Example("Name a colour.", "", "Blue is a colour."),
                    new Example("Name a fruit.", "", "An apple is a fruit.")));
            model.sample(PromptFormat.prompt("Name a colour.", ""), new Sampling(1.0, 1.0, 8),
                    SampleSeeds.rng(1, "probe"));
            return true;
        } catch (RuntimeException | LinkageError e) {
            org.jboss.logging.Logger.getLogger(EmbeddedBackend.class).warnf(e, "The embedded backend failed its probe");
            return false;
        }
    }
}
