package dev.longtail.evolver.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.TrainingText;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.campaign.Campaign;
import dev.longtail.evolver.campaign.Generation;
import dev.longtail.evolver.campaign.PoolSeed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes what a committed transaction decided: {@code CampaignStarted} and each generation's
 * {@code SeedsEvolved}, keyed by campaign id, and marks them published once the broker acknowledged them.
 * A sweep re-sends what is still unpublished after a crash between commit and send.
 */
@ApplicationScoped
public class EventPublisher {

    /** Outgoing channel: {@code longtail.campaigns.started}. */
    public static final String CAMPAIGNS_STARTED = "campaigns-started";
    /** Outgoing channel: {@code longtail.seeds.evolved}. */
    public static final String SEEDS_EVOLVED = "seeds-evolved";

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final Emitter<String> campaignsStarted;
    private final Emitter<String> seedsEvolved;
    private final EvolverConfig config;
    private final ObjectMapper json;
    /** What this instance is sending right now: the sweep must not send it a second time meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public EventPublisher(
            @Channel(CAMPAIGNS_STARTED) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> campaignsStarted,
            @Channel(SEEDS_EVOLVED) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> seedsEvolved,
            EvolverConfig config, ObjectMapper json) {
        this.campaignsStarted = campaignsStarted;
        this.seedsEvolved = seedsEvolved;
        this.config = config;
        this.json = json;
    }

    /** A new campaign: CampaignStarted, then generation 1. Failures are left to the sweep. */
    public void publishCampaign(UUID campaignId) {
        if (publishStarted(campaignId)) {
            publishGeneration(campaignId, 1);
        }
    }

    /** Sends CampaignStarted unless it went out already; true once it is out. */
    public boolean publishStarted(UUID campaignId) {
        String key = "started:" + campaignId;
        if (!inFlight.add(key)) {
            return false;
        }
        try {
            Optional<CampaignStarted> event = QuarkusTransaction.requiringNew().call(() -> {
                Campaign campaign = Campaign.findById(campaignId);
                if (campaign == null || campaign.startedPublishedAt != null) {
                    return Optional.<CampaignStarted>empty();
                }
                return Optional.of(new CampaignStarted(Events.SCHEMA_VERSION, campaign.id.toString(), campaign.name,
                        campaign.generations, campaign.samplesPerGeneration, campaign.randomSeed,
                        PoolSeed.reference(campaignId).stream().map(PoolSeed::toSeedRecord).toList(),
                        PoolSeed.heldOut(campaignId).stream().map(PoolSeed::toSeedRecord).toList()));
            });
            if (event.isEmpty()) {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Campaign campaign = Campaign.findById(campaignId);
                    return campaign != null && campaign.startedPublishedAt != null;
                });
            }
            send(campaignsStarted, campaignId, Events.write(event.get()));
            QuarkusTransaction.requiringNew().run(() -> {
                Campaign campaign = Campaign.findById(campaignId);
                campaign.startedPublishedAt = Instant.now();
            });
            LOG.infof("Published CampaignStarted %s", campaignId);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "CampaignStarted %s not published yet; the sweep retries", campaignId);
            return false;
        } finally {
            inFlight.remove(key);
        }
    }

    /** Sends generation g's SeedsEvolved unless it went out already. */
    public void publishGeneration(UUID campaignId, int generation) {
        String key = "generation:" + campaignId + ":" + generation;
        if (!inFlight.add(key)) {
            return;
        }
        try {
            Optional<SeedsEvolved> event = QuarkusTransaction.requiringNew()
                    .call(() -> seedsEvolved(campaignId, generation));
            if (event.isEmpty()) {
                return;
            }
            send(seedsEvolved, campaignId, Events.write(event.get()));
            QuarkusTransaction.requiringNew().run(() -> Generation.of(campaignId, generation)
                    .ifPresent(row -> row.publishedAt = Instant.now()));
            LOG.infof("Published SeedsEvolved %s generation %d (%d seeds)", campaignId, generation,
                    event.get().seeds().size());
        } catch (RuntimeException e) {
            LOG.warnf(e, "SeedsEvolved %s generation %d not published yet; the sweep retries", campaignId, generation);
        } finally {
            inFlight.remove(key);
        }
    }

    /** Re-sends what a crash left unpublished; waits a grace period so that it never races the normal path. */
    @Scheduled(every = "${longtail.evolver.publish-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant before = Instant.now().minus(config.publishGrace());
        List<UUID> campaigns = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>list(
                "from Campaign c where c.startedPublishedAt is null and c.createdAt < ?1"
                        + " and exists (select 1 from Generation g where g.campaignId = c.id)", before).stream().map(c -> c.id).toList());
        campaigns.forEach(this::publishStarted);
        List<Object[]> generations = QuarkusTransaction.requiringNew().call(() -> Generation.getEntityManager()
                .createQuery("select g.campaignId, g.generation from Generation g, Campaign c where c.id = g.campaignId"
                        + " and g.publishedAt is null and c.startedPublishedAt is not null and g.createdAt < ?1"
                        + " order by g.campaignId, g.generation", Object[].class)
                .setParameter(1, before).getResultList());
        for (Object[] row : generations) {
            publishGeneration((UUID) row[0], (Integer) row[1]);
        }
    }

    /** The event of generation g, rebuilt from the database; empty once published. */
    private Optional<SeedsEvolved> seedsEvolved(UUID campaignId, int generation) {
        Optional<Generation> row = Generation.of(campaignId, generation);
        if (row.isEmpty() || row.get().publishedAt != null) {
            return Optional.empty();
        }
        List<TrainingText> corpus;
        if (generation == 1) {
            corpus = PoolSeed.reference(campaignId).stream().map(PoolSeed::toTrainingText).toList();
        } else {
            Generation previous = Generation.of(campaignId, generation - 1).orElseThrow();
            corpus = readRecords(previous.sealedRecords).stream()
                    .map(r -> new TrainingText(r.instruction(), r.input(), r.output())).toList();
        }
        return Optional.of(new SeedsEvolved(Events.SCHEMA_VERSION, campaignId.toString(), generation,
                PoolSeed.evolved(campaignId, generation).stream().map(PoolSeed::toEvolvedSeed).toList(),
                row.get().plan(), corpus));
    }

    private List<DatasetRecord> readRecords(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, new TypeReference<List<DatasetRecord>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored dataset records are unreadable", e);
        }
    }

    /** Sends one record keyed by campaign id and waits for the broker's acknowledgement. */
    private void send(Emitter<String> emitter, UUID campaignId, String payload) {
        var acked = new CompletableFuture<Void>();
        emitter.send(Message.of(payload)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(campaignId.toString()).build()));
        try {
            acked.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge: " + e, e);
        }
    }
}
