package dev.longtail.generator.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import dev.longtail.contracts.Channels;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.loop.GenerationSampler;
import dev.longtail.support.messaging.KeyedSender;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code longtail.seeds.evolved} and publishes one {@code longtail.samples.generated} record per
 * evolved seed, keyed by campaign id. The record is acknowledged only after the broker has acknowledged
 * every sample; a record that cannot be read goes to {@code longtail.dlq.generator}.
 */
@ApplicationScoped
public class SeedsEvolvedConsumer {

    private static final Logger LOG = Logger.getLogger(SeedsEvolvedConsumer.class);

    private final GenerationSampler sampler;
    private final Emitter<String> samples;
    private final GeneratorConfig config;

    public SeedsEvolvedConsumer(GenerationSampler sampler,
            @Channel(Channels.SAMPLES_GENERATED) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> samples,
            GeneratorConfig config) {
        this.sampler = sampler;
        this.samples = samples;
        this.config = config;
    }

    @Incoming(Channels.SEEDS_EVOLVED)
    @Blocking
    public void onSeedsEvolved(String json) {
        SeedsEvolved generation = Events.read(json, SeedsEvolved.class);
        List<SampleGenerated> generated = sampler.sample(generation);
        try {
            KeyedSender.await(generated.stream()
                    .map(sample -> KeyedSender.send(samples, generation.campaignId(), Events.write(sample)))
                    .toList(), config.sendTimeout());
        } catch (IllegalStateException e) {
            // Not acknowledging the incoming record would stall the partition; failing it puts the whole
            // generation on the dead-letter topic, from where it can be replayed with the same sample ids.
            throw new IllegalStateException("the samples of campaign " + generation.campaignId() + " generation "
                    + generation.generation() + " were not published: " + e.getMessage(), e);
        }
        LOG.infof("Campaign %s generation %d: published %d samples", generation.campaignId(),
                generation.generation(), generated.size());
    }
}
