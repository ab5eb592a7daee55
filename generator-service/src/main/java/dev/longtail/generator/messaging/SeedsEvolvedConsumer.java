package dev.longtail.generator.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import dev.longtail.contracts.Events;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.generator.GeneratorConfig;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes {@code longtail.seeds.evolved} and publishes one {@code longtail.samples.generated} record per
 * evolved seed, keyed by campaign id. The record is acknowledged only after the broker has acknowledged
 * every sample; a record that cannot be read goes to {@code longtail.dlq.generator}.
 */
@ApplicationScoped
public class SeedsEvolvedConsumer {

    /** Incoming channel: {@code longtail.seeds.evolved}. */
    public static final String SEEDS_EVOLVED = "seeds-evolved";
    /** Outgoing channel: {@code longtail.samples.generated}. */
    public static final String SAMPLES_GENERATED = "samples-generated";

    private static final Logger LOG = Logger.getLogger(SeedsEvolvedConsumer.class);

    private final GenerationSampler sampler;
    private final Emitter<String> samples;
    private final GeneratorConfig config;

    public SeedsEvolvedConsumer(GenerationSampler sampler,
            @Channel(SAMPLES_GENERATED) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> samples,
            GeneratorConfig config) {
        this.sampler = sampler;
        this.samples = samples;
        this.config = config;
    }

    @Incoming(SEEDS_EVOLVED)
    @Blocking
    public void onSeedsEvolved(String json) throws InterruptedException {
        SeedsEvolved generation = Events.read(json, SeedsEvolved.class);
        List<SampleGenerated> generated = sampler.sample(generation);
        List<CompletableFuture<Void>> acks = new ArrayList<>(generated.size());
        for (SampleGenerated sample : generated) {
            acks.add(send(generation.campaignId(), Events.write(sample)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledging the incoming record would stall the partition; failing it puts the whole
            // generation on the dead-letter topic, from where it can be replayed with the same sample ids.
            throw new IllegalStateException("the broker did not acknowledge the samples of campaign "
                    + generation.campaignId() + " generation " + generation.generation() + ": " + e, e);
        }
        LOG.infof("Campaign %s generation %d: published %d samples", generation.campaignId(),
                generation.generation(), generated.size());
    }

    private CompletableFuture<Void> send(String campaignId, String payload) {
        var acked = new CompletableFuture<Void>();
        Message<String> message = Message.of(payload)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(campaignId).build());
        samples.send(message);
        return acked;
    }
}
