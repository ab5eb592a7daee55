package dev.longtail.evolver.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.evolver.ResourceIds;
import dev.longtail.support.ProblemException;

/**
 * A seed's ancestry, from the seed up to the real seed it descends from: at each step the operator, its template
 * version (LLM-form operators), the generation, and what the curator decided on the step's sample as the evolver
 * learnt it from the sealed dataset version. An evolved seed's id names its campaign, so a fork's inherited ancestors
 * are read where they were made, in the parent campaign; a real seed's id is looked up in the campaign of its child.
 */
@ApplicationScoped
public class SeedLineage {

    /** {@code <campaignId>:g<generation>:<n>} (see GenerationStarter#evolvedSeedId). */
    private static final Pattern EVOLVED_ID = Pattern.compile("([0-9a-fA-F-]{36}):g\\d+:\\d+");

    /** More steps than any campaign can have (50 generations): a cycle in corrupt data must not loop forever. */
    private static final int MAX_STEPS = 1000;

    /**
     * What the curator did with an evolved seed's sample, as the sealed dataset version tells: KEPT (its record is in
     * the version, so it joined the pool), NOT_KEPT (the version is sealed without it: rejected, or left out by the
     * anchor policy's selection), PENDING (its generation is not sealed yet). Real seeds have none.
     */
    public enum Decision {
        KEPT, NOT_KEPT, PENDING
    }

    /** The seed and its ancestors, the seed first and the real seed last. */
    public record Lineage(String seedId, UUID campaignId, int depth, List<Step> steps) {
    }

    /** One seed of the ancestry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String seedId, UUID campaignId, int generation, String origin, String parentId,
            String operator, String kind, String templateVersion, String category, String instruction,
            Decision decision, String datasetVersionId) {
    }

    /**
     * The lineage of the seed with this id, looked up in {@code campaignId} when given; 404 when no campaign has the
     * seed, 400 when several do (a real seed's id) and none is named.
     */
    @Transactional
    public Lineage of(String seedId, String campaignId) {
        PoolSeed seed = start(seedId, campaignId);
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PoolSeed current = seed;
        while (current != null && steps.size() < MAX_STEPS && seen.add(current.campaignId + "/" + current.text.seedId())) {
            steps.add(step(current));
            current = current.parentId == null ? null : parentOf(current).orElse(null);
        }
        return new Lineage(seed.text.seedId(), seed.campaignId, steps.size() - 1, steps);
    }

    private static PoolSeed start(String seedId, String campaignId) {
        if (campaignId != null) {
            UUID campaign = ResourceIds.parse(campaignId).filter(id -> Campaign.findById(id) != null)
                    .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
            return find(campaign, seedId).orElseThrow(() -> ProblemException.notFound("seed",
                    seedId + " in campaign " + campaignId));
        }
        Optional<UUID> named = campaignNamedBy(seedId);
        if (named.isPresent()) {
            return find(named.get(), seedId).orElseThrow(() -> ProblemException.notFound("seed", seedId));
        }
        List<PoolSeed> rows = PoolSeed.list("text.seedId = ?1 order by campaignId", seedId);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("seed", seedId);
        }
        if (rows.size() > 1) {
            throw ProblemException.badRequest("Seed " + seedId + " is in " + rows.size()
                    + " campaigns; name one with ?campaignId=");
        }
        return rows.get(0);
    }

    /** The parent's row where it was made (an evolved id names that campaign), else in the child's campaign. */
    private static Optional<PoolSeed> parentOf(PoolSeed child) {
        return campaignNamedBy(child.parentId).flatMap(campaign -> find(campaign, child.parentId))
                .or(() -> find(child.campaignId, child.parentId));
    }

    private static Step step(PoolSeed seed) {
        Decision decision = null;
        String version = null;
        if (seed.origin == PoolSeed.Origin.EVOLVED) {
            Optional<Generation> generation = Generation.of(seed.campaignId, seed.generation);
            version = generation.map(g -> g.datasetVersionId).orElse(null);
            decision = seed.acceptedAt != null ? Decision.KEPT
                    : version != null ? Decision.NOT_KEPT : Decision.PENDING;
        }
        return new Step(seed.text.seedId(), seed.campaignId, seed.generation, seed.origin.name(), seed.parentId,
                seed.operator, seed.kind, seed.templateVersion, seed.text.category(), seed.text.instruction(),
                decision, version);
    }

    private static Optional<UUID> campaignNamedBy(String seedId) {
        Matcher m = EVOLVED_ID.matcher(seedId);
        return m.matches() ? ResourceIds.parse(m.group(1)) : Optional.empty();
    }

    private static Optional<PoolSeed> find(UUID campaignId, String seedId) {
        return PoolSeed.find("campaignId = ?1 and text.seedId = ?2", campaignId, seedId).firstResultOptional();
    }
}
