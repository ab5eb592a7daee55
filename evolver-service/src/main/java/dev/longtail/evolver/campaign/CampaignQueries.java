package dev.longtail.evolver.campaign;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.longtail.contracts.Adjustment;
import dev.longtail.evolver.ResourceIds;
import dev.longtail.evolver.evolution.EvolutionReport;
import dev.longtail.evolver.paging.Page;
import dev.longtail.evolver.paging.PageRequest;
import dev.longtail.support.JsonColumns;

/** Shows campaigns: one with every generation's stage and counts, pages of campaigns, and pages of a pool. */
@ApplicationScoped
public class CampaignQueries {

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() { };

    private final JsonColumns json;

    public CampaignQueries(JsonColumns json) {
        this.json = json;
    }

    @Transactional
    public Optional<CampaignViews.Detail> find(String id) {
        return known(id).map(this::detail);
    }

    /** The campaign a path names, if any (a path id that is no UUID names none). */
    @Transactional
    public Optional<Campaign> known(String id) {
        return ResourceIds.parse(id).flatMap(uuid -> Campaign.<Campaign>findByIdOptional(uuid));
    }

    /** A page of campaigns, the newest first. */
    @Transactional
    public Page<CampaignViews.Summary> list(PageRequest request) {
        var query = Campaign.<Campaign>find("order by createdAt desc, id");
        List<Campaign> campaigns = query.page(request.page(), request.size()).list();
        Map<UUID, Long> completed = completedGenerations(campaigns.stream().map(c -> c.id).toList());
        return Page.of(campaigns.stream().map(c -> new CampaignViews.Summary(c.id, c.name, c.seedSetId, c.status,
                c.failureReason, c.failedGeneration, c.generations, c.samplesPerGeneration, c.currentGeneration,
                completed.getOrDefault(c.id, 0L).intValue(), fork(c), c.createdAt)).toList(), request, query.count());
    }

    /** A page of the pool with lineage (held-out seeds excluded: they are the evaluator's), optionally one generation's. */
    @Transactional
    public Optional<Page<CampaignViews.PoolSeedView>> pool(String id, Integer generation, PageRequest request) {
        return known(id).map(c -> {
            var query = generation == null
                    ? PoolSeed.<PoolSeed>find("campaignId = ?1 and heldOut = false order by generation, ordinal", c.id)
                    : PoolSeed.<PoolSeed>find("campaignId = ?1 and heldOut = false and generation = ?2 order by ordinal",
                            c.id, generation);
            List<PoolSeed> seeds = query.page(request.page(), request.size()).list();
            return Page.of(seeds.stream().map(CampaignViews.PoolSeedView::of).toList(), request, query.count());
        });
    }

    /** The campaign with every generation's plan, stage and counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CampaignViews.Detail detail(Campaign c) {
        long reference = PoolSeed.count("campaignId = ?1 and origin = ?2 and heldOut = false", c.id, PoolSeed.Origin.REAL);
        long heldOut = PoolSeed.count("campaignId = ?1 and heldOut = true", c.id);
        Map<Integer, Map<String, Long>> operators = operators(c.id);
        List<CampaignViews.GenerationDetail> generations = Generation.ofCampaign(c.id).stream()
                .map(g -> new CampaignViews.GenerationDetail(g.generation, stage(g), g.evolved, g.eliminated,
                        json.read(g.eliminatedByReason, COUNTS), CampaignViews.Plan.of(g.plan()),
                        operators.getOrDefault(g.generation, Map.of()), g.datasetVersionId, g.sealedAccepted,
                        curation(g), g.verdict, g.adjustments == null ? null
                                : json.read(g.adjustments, new TypeReference<List<Adjustment>>() { }),
                        g.adjustments == null ? null : g.plan().feedbackOn(),
                        g.adjustments == null || g.plan().feedbackOn() ? null : CampaignViews.NOT_APPLIED,
                        g.publishedAt, g.sealedAt, g.evaluatedAt, EvolutionReport.of(g, json)))
                .toList();
        int completed = (int) generations.stream().filter(g -> g.stage() == CampaignViews.Stage.COMPLETE).count();
        return new CampaignViews.Detail(c.id, c.name, c.seedSetId, c.status, c.failureReason, c.failedGeneration,
                c.retries, c.generations, c.samplesPerGeneration, c.randomSeed, c.arm, c.experimentId, c.armName,
                fork(c), c.currentGeneration, completed, (int) reference, (int) heldOut, c.createdAt,
                c.statusChangedAt, generations, c.evolutionSettings());
    }

    static CampaignViews.Stage stage(Generation g) {
        if (g.sealed() && g.evaluated()) {
            return CampaignViews.Stage.COMPLETE;
        }
        if (g.sealed()) {
            return CampaignViews.Stage.SEALED;
        }
        if (g.evaluated()) {
            return CampaignViews.Stage.EVALUATED;
        }
        return g.publishedAt == null ? CampaignViews.Stage.EVOLVED : CampaignViews.Stage.PUBLISHED;
    }

    private CampaignViews.Curation curation(Generation g) {
        if (!g.sealed()) {
            return null;
        }
        return new CampaignViews.Curation(g.sealedGenerated, g.sealedAccepted, g.sealedRejected, g.sealedFailed,
                g.sealedAnchorRecords, g.sealedRejectedByReason == null ? null
                        : json.read(g.sealedRejectedByReason, COUNTS));
    }

    private static CampaignViews.Fork fork(Campaign c) {
        return c.forkedFrom == null ? null : new CampaignViews.Fork(c.forkedFrom, c.forkedAtGeneration);
    }

    /** Per generation of the campaign, its evolved seeds per operator. */
    private static Map<Integer, Map<String, Long>> operators(UUID campaignId) {
        Map<Integer, Map<String, Long>> counts = new HashMap<>();
        PoolSeed.getEntityManager().createQuery(
                "select p.generation, p.operator, count(p) from PoolSeed p where p.campaignId = ?1 and p.origin = ?2"
                        + " group by p.generation, p.operator order by p.generation, p.operator", Object[].class)
                .setParameter(1, campaignId).setParameter(2, PoolSeed.Origin.EVOLVED)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((Integer) row[0], g -> new LinkedHashMap<>())
                        .put((String) row[1], (Long) row[2]));
        return counts;
    }

    /** Per campaign, how many of its generations are sealed and evaluated. */
    public static Map<UUID, Long> completedGenerations(List<UUID> campaignIds) {
        Map<UUID, Long> completed = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return completed;
        }
        Generation.getEntityManager().createQuery("select g.campaignId, count(g) from Generation g"
                        + " where g.campaignId in ?1 and g.datasetVersionId is not null and g.verdict is not null"
                        + " group by g.campaignId", Object[].class)
                .setParameter(1, campaignIds).getResultList()
                .forEach(row -> completed.put((UUID) row[0], (Long) row[1]));
        return completed;
    }
}
