package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.TrainingText;
import dev.longtail.support.JsonColumns;

/**
 * What a campaign still has to announce: rebuilds {@code CampaignStarted} and each generation's
 * {@code SeedsEvolved} from the database while they are unpublished ({@code startedPublishedAt} and
 * {@link Generation#publishedAt} are null), stamps them once the broker acknowledged them, and finds what the
 * publish sweep must re-send.
 */
@ApplicationScoped
public class CampaignOutbox {

    /** A generation of a campaign. */
    public record GenerationRef(UUID campaignId, int generation) {
    }

    private final JsonColumns json;

    public CampaignOutbox(JsonColumns json) {
        this.json = json;
    }

    /**
     * The campaign's CampaignStarted with its reference and held-out seeds, and its experiment and arm when it is an
     * experiment's; empty once published or unknown.
     */
    @Transactional
    public Optional<CampaignStarted> unpublishedStarted(UUID campaignId) {
        return Campaign.<Campaign>findByIdOptional(campaignId)
                .filter(campaign -> campaign.startedPublishedAt == null)
                .map(campaign -> new CampaignStarted(Events.SCHEMA_VERSION, campaign.id.toString(), campaign.name,
                        campaign.generations, campaign.samplesPerGeneration, campaign.randomSeed,
                        PoolSeed.reference(campaignId).stream().map(PoolSeed::toSeedRecord).toList(),
                        PoolSeed.heldOut(campaignId).stream().map(PoolSeed::toSeedRecord).toList(),
                        campaign.experimentId == null ? null : campaign.experimentId.toString(), campaign.armName));
    }

    @Transactional
    public void markStartedPublished(UUID campaignId) {
        Campaign.<Campaign>findByIdOptional(campaignId)
                .ifPresent(campaign -> campaign.startedPublishedAt = Instant.now());
    }

    /** Whether the campaign's CampaignStarted went out (generation 1 must not overtake it). */
    @Transactional
    public boolean startedPublished(UUID campaignId) {
        return Campaign.<Campaign>findByIdOptional(campaignId).map(c -> c.startedPublishedAt != null).orElse(false);
    }

    /**
     * Generation g's SeedsEvolved: its evolved seeds, its plan and its training corpus (the reference seeds for
     * generation 1, the records of dataset version g-1 after that; a fork's generation 1 trains on its parent's
     * version at the fork point); empty once published or unknown.
     */
    @Transactional
    public Optional<SeedsEvolved> unpublishedGeneration(UUID campaignId, int generation) {
        Optional<Generation> row = Generation.of(campaignId, generation);
        if (row.isEmpty() || row.get().publishedAt != null) {
            return Optional.empty();
        }
        List<TrainingText> corpus;
        Optional<Generation> previous = generation > 1
                ? Optional.of(Generation.of(campaignId, generation - 1).orElseThrow()) : forkPoint(campaignId);
        if (previous.isEmpty()) {
            corpus = PoolSeed.reference(campaignId).stream().map(PoolSeed::toTrainingText).toList();
        } else {
            corpus = sealedRecords(previous.get()).stream()
                    .map(r -> new TrainingText(r.instruction(), r.input(), r.output())).toList();
        }
        return Optional.of(new SeedsEvolved(Events.SCHEMA_VERSION, campaignId.toString(), generation,
                PoolSeed.evolved(campaignId, generation).stream().map(PoolSeed::toEvolvedSeed).toList(),
                row.get().plan(), corpus));
    }

    @Transactional
    public void markGenerationPublished(UUID campaignId, int generation) {
        Generation.of(campaignId, generation).ifPresent(row -> row.publishedAt = Instant.now());
    }

    /** Campaigns created before {@code before} with CampaignStarted unpublished (a failed one has no generation). */
    @Transactional
    public List<UUID> startedAwaitingPublish(Instant before) {
        return Campaign.getEntityManager().createQuery("select c.id from Campaign c where c.startedPublishedAt is null"
                        + " and c.createdAt < ?1 and exists (select 1 from Generation g where g.campaignId = c.id)",
                        UUID.class)
                .setParameter(1, before).getResultList();
    }

    /** Generations created before {@code before} still unpublished, of campaigns whose CampaignStarted went out. */
    @Transactional
    public List<GenerationRef> generationsAwaitingPublish(Instant before) {
        return Generation.getEntityManager()
                .createQuery("select g.campaignId, g.generation from Generation g, Campaign c where c.id = g.campaignId"
                        + " and g.publishedAt is null and c.startedPublishedAt is not null and g.createdAt < ?1"
                        + " order by g.campaignId, g.generation", Object[].class)
                .setParameter(1, before).getResultList().stream()
                .map(row -> new GenerationRef((UUID) row[0], (Integer) row[1])).toList();
    }

    /** The parent's generation a fork started from, whose dataset version is the fork's first corpus; none at 0. */
    private static Optional<Generation> forkPoint(UUID campaignId) {
        return Campaign.<Campaign>findByIdOptional(campaignId)
                .filter(c -> c.forkedFrom != null && c.forkedAtGeneration != null && c.forkedAtGeneration > 0)
                .flatMap(c -> Generation.of(c.forkedFrom, c.forkedAtGeneration));
    }

    private List<DatasetRecord> sealedRecords(Generation generation) {
        return generation.sealedRecords == null ? List.of()
                : json.read(generation.sealedRecords, new TypeReference<List<DatasetRecord>>() { });
    }
}
