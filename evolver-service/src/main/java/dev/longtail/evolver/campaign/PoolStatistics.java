package dev.longtail.evolver.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.evolver.ResourceIds;

/**
 * A campaign's pool in numbers (held-out seeds excluded), by category and by operator: how many real seeds, how many
 * evolved, how many of those the curator has decided on (their generation is sealed; a fork's inherited seeds were
 * kept) and how many its dataset versions kept, and the share kept of those decided.
 */
@ApplicationScoped
public class PoolStatistics {

    /** The pool's totals, per category (sorted by name) and per operator (sorted by name). */
    public record Stats(UUID campaignId, Counts total, List<Group> byCategory, List<Group> byOperator) {
    }

    /** One category's or operator's counts. */
    public record Group(String name, Counts counts) {
    }

    /**
     * Real seeds, evolved seeds, evolved seeds of sealed generations (decided), and of those the ones whose sample the
     * dataset version kept; {@code keptShare} = kept / decided, absent while nothing is decided.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counts(long real, long evolved, long decided, long kept, Double keptShare) {

        static Counts of(long real, long evolved, long decided, long kept) {
            return new Counts(real, evolved, decided, kept, decided == 0 ? null : (double) kept / decided);
        }

        Counts plus(Counts other) {
            return of(real + other.real, evolved + other.evolved, decided + other.decided, kept + other.kept);
        }
    }

    /** The campaign's pool statistics, or empty when there is no such campaign. */
    @Transactional
    public Optional<Stats> of(String id) {
        return ResourceIds.parse(id).flatMap(uuid -> Campaign.<Campaign>findByIdOptional(uuid))
                .map(campaign -> stats(campaign.id));
    }

    private static Stats stats(UUID campaignId) {
        // one row per (category, operator, origin): counts of all, of decided and of kept seeds
        List<Object[]> rows = PoolSeed.getEntityManager().createQuery(
                "select p.text.category, p.operator, p.origin, count(p),"
                        + " sum(case when p.origin = ?2 and (p.acceptedAt is not null or exists (select 1 from"
                        + " Generation g where g.campaignId = p.campaignId and g.generation = p.generation"
                        + " and g.datasetVersionId is not null)) then 1 else 0 end),"
                        + " sum(case when p.origin = ?2 and p.acceptedAt is not null then 1 else 0 end)"
                        + " from PoolSeed p where p.campaignId = ?1 and p.heldOut = false"
                        + " group by p.text.category, p.operator, p.origin", Object[].class)
                .setParameter(1, campaignId).setParameter(2, PoolSeed.Origin.EVOLVED).getResultList();
        Map<String, Counts> byCategory = new TreeMap<>();
        Map<String, Counts> byOperator = new TreeMap<>();
        Counts total = Counts.of(0, 0, 0, 0);
        for (Object[] row : rows) {
            boolean real = row[2] == PoolSeed.Origin.REAL;
            long count = (Long) row[3];
            Counts counts = real ? Counts.of(count, 0, 0, 0)
                    : Counts.of(0, count, ((Number) row[4]).longValue(), ((Number) row[5]).longValue());
            total = total.plus(counts);
            byCategory.merge((String) row[0], counts, Counts::plus);
            if (!real) {
                byOperator.merge(row[1] == null ? "(none)" : (String) row[1], counts, Counts::plus);
            }
        }
        return new Stats(campaignId, total, groups(byCategory), groups(byOperator));
    }

    private static List<Group> groups(Map<String, Counts> counts) {
        List<Group> groups = new ArrayList<>();
        counts.forEach((name, c) -> groups.add(new Group(name, c)));
        return groups;
    }
}
