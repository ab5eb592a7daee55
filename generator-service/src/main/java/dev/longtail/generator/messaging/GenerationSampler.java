package dev.longtail.generator.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.Provenance;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.TrainingText;
import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.lm.Sampling;
import dev.longtail.generator.embedded.EmbeddedBackend;
import dev.longtail.generator.embedded.SampleSeeds;

/**
 * Answers one generation: trains the embedded model on its training corpus and samples one response per
 * evolved seed. Every seed yields exactly one sample, generated or failed with the reason.
 */
@ApplicationScoped
public class GenerationSampler {

    private static final Logger LOG = Logger.getLogger(GenerationSampler.class);

    static final String NO_TRAINING_DATA = "no training data";
    static final String EMPTY_OUTPUT = "empty output";

    private final EmbeddedBackend backend;

    public GenerationSampler(EmbeddedBackend backend) {
        this.backend = backend;
    }

    /** One {@link SampleGenerated} per evolved seed, in the order of the event's seeds. */
    public List<SampleGenerated> sample(SeedsEvolved generation) {
        List<EvolvedSeed> seeds = generation.seeds() == null ? List.of() : generation.seeds();
        int size = seeds.size();
        SamplingParameters parameters = generation.plan() == null ? null : generation.plan().sampling();
        if (parameters == null) {
            return failAll(generation, seeds, "the plan has no sampling parameters");
        }
        Sampling sampling;
        try {
            sampling = new Sampling(parameters.temperature(), parameters.topP(), parameters.maxTokens());
        } catch (IllegalArgumentException e) {
            return failAll(generation, seeds, "invalid sampling parameters: " + e.getMessage());
        }
        List<EmbeddedBackend.Example> corpus = trainingExamples(generation.trainingCorpus());
        if (corpus.isEmpty()) {
            return failAll(generation, seeds, NO_TRAINING_DATA);
        }
        KneserNeyModel model;
        try {
            model = backend.train(corpus);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Training failed for campaign %s generation %d", generation.campaignId(), generation.generation());
            return failAll(generation, seeds, "training failed: " + e.getMessage());
        }
        List<SampleGenerated> samples = new ArrayList<>(size);
        for (EvolvedSeed seed : seeds) {
            samples.add(sampleOne(generation, seed, size, model, sampling, parameters));
        }
        return samples;
    }

    private SampleGenerated sampleOne(SeedsEvolved generation, EvolvedSeed seed, int size, KneserNeyModel model,
            Sampling sampling, SamplingParameters parameters) {
        long start = System.nanoTime();
        try {
            var completion = backend.complete(model, seed.instruction(), seed.input(), sampling,
                    SampleSeeds.rng(parameters.randomSeed(), seed.seedId()));
            var provenance = provenance(parameters, completion.latencyMicros(), completion.tokens());
            if (completion.output().isBlank()) {
                return failed(generation, seed, size, EMPTY_OUTPUT, provenance);
            }
            return new SampleGenerated(Events.SCHEMA_VERSION, sampleId(seed), generation.campaignId(),
                    generation.generation(), size, seed, completion.output(), SampleStatus.GENERATED, null,
                    provenance, generation.plan());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Sampling failed for seed %s", seed.seedId());
            long latency = (System.nanoTime() - start) / 1_000;
            return failed(generation, seed, size, "sampling failed: " + e, provenance(parameters, latency, 0));
        }
    }

    private List<SampleGenerated> failAll(SeedsEvolved generation, List<EvolvedSeed> seeds, String reason) {
        LOG.warnf("Campaign %s generation %d: every sample failed: %s", generation.campaignId(),
                generation.generation(), reason);
        SamplingParameters parameters = generation.plan() == null ? null : generation.plan().sampling();
        var provenance = parameters == null ? null : provenance(parameters, 0, 0);
        return seeds.stream().map(seed -> failed(generation, seed, seeds.size(), reason, provenance)).toList();
    }

    private SampleGenerated failed(SeedsEvolved generation, EvolvedSeed seed, int size, String reason,
            Provenance provenance) {
        return new SampleGenerated(Events.SCHEMA_VERSION, sampleId(seed), generation.campaignId(),
                generation.generation(), size, seed, null, SampleStatus.FAILED, reason, provenance, generation.plan());
    }

    private Provenance provenance(SamplingParameters parameters, long latencyMicros, int tokens) {
        return new Provenance(backend.name(), backend.model(), parameters.temperature(), parameters.topP(),
                parameters.randomSeed(), latencyMicros, tokens);
    }

    /** A sample's id follows from its seed's, so a redelivery regenerates it under the same id. */
    static String sampleId(EvolvedSeed seed) {
        return seed.seedId() + ":sample";
    }

    private static List<EmbeddedBackend.Example> trainingExamples(List<TrainingText> corpus) {
        if (corpus == null) {
            return List.of();
        }
        return corpus.stream()
                .filter(text -> text != null && text.output() != null && !text.output().isBlank())
                .map(text -> new EmbeddedBackend.Example(text.instruction(), text.input(), text.output()))
                .toList();
    }
}
