package dev.longtail.evolver.observability;

import dev.longtail.evolver.campaign.CampaignStatus;
import dev.longtail.support.SqlColumns;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The evolver's metrics, read from its database (so every replica reports the same totals) every
 * {@code longtail.observability.metrics-refresh-every}: {@code longtail_evolver_campaigns{state}},
 * {@code longtail_evolver_generations_started_total}, {@code ..._completed_total} (evaluated),
 * {@code longtail_evolver_seeds_evolved_total}, {@code longtail_evolver_evolution_failures_total{operator}} (evolved
 * seeds of sealed generations whose sample was not accepted), {@code longtail_evolver_campaigns_stalled}, and per
 * running campaign {@code longtail_evolver_campaign_generation{campaign}}, removed when the campaign ends.
 */
@ApplicationScoped
public class EvolverMetrics {

    /** A running campaign: its current generation and when it last made progress. */
    public record RunningCampaign(String campaignId, int generation, Instant lastProgress) {

        public boolean stalled(Instant now, Duration after) {
            return lastProgress != null && lastProgress.plus(after).isBefore(now);
        }
    }

    private record Snapshot(Map<String, Long> campaignsByState, long generationsStarted, long generationsCompleted,
            long seedsEvolved, Map<String, Long> failuresByOperator, List<RunningCampaign> running) {
    }

    private static final Logger LOG = Logger.getLogger(EvolverMetrics.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    private final StalledAfter stalledAfter;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), 0, 0, 0, Map.of(), List.of());
    private final Set<String> operators = ConcurrentHashMap.newKeySet();
    private final Map<String, Meter.Id> campaignGauges = new ConcurrentHashMap<>();

    public EvolverMetrics(EntityManager em, MeterRegistry registry, StalledAfter stalledAfter) {
        this.em = em;
        this.registry = registry;
        this.stalledAfter = stalledAfter;
        for (CampaignStatus state : CampaignStatus.values()) {
            Gauge.builder("longtail.evolver.campaigns", this, m -> m.snapshot.campaignsByState().getOrDefault(state.name(), 0L))
                    .tag("state", state.name()).description("campaigns by state").register(registry);
        }
        FunctionCounter.builder("longtail.evolver.generations.started", this, m -> m.snapshot.generationsStarted())
                .description("generations started").register(registry);
        FunctionCounter.builder("longtail.evolver.generations.completed", this, m -> m.snapshot.generationsCompleted())
                .description("generations evaluated").register(registry);
        FunctionCounter.builder("longtail.evolver.seeds.evolved", this, m -> m.snapshot.seedsEvolved())
                .description("seeds evolved").register(registry);
        Gauge.builder("longtail.evolver.campaigns.stalled", this,
                m -> m.snapshot.running().stream().filter(c -> c.stalled(Instant.now(), m.stalledAfter.current())).count())
                .description("running campaigns without progress for longer than campaigns.stalledAfterSeconds")
                .register(registry);
    }

    @Scheduled(every = "${longtail.observability.metrics-refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Snapshot next = QuarkusTransaction.requiringNew().call(this::read);
            snapshot = next;
            next.failuresByOperator().keySet().forEach(this::operatorCounter);
            updateCampaignGauges(next.running());
        } catch (RuntimeException e) {
            LOG.debugf(e, "evolver metrics not refreshed");
        }
    }

    /** The running campaigns as the database has them now (the stalled-campaigns check reads them fresh). */
    public List<RunningCampaign> running() {
        return QuarkusTransaction.requiringNew().call(this::readRunning);
    }

    private void operatorCounter(String operator) {
        if (operators.add(operator)) {
            FunctionCounter.builder("longtail.evolver.evolution.failures", this,
                    m -> m.snapshot.failuresByOperator().getOrDefault(operator, 0L))
                    .tag("operator", operator)
                    .description("evolved seeds of sealed generations whose sample was not accepted, by operator")
                    .register(registry);
        }
    }

    private void updateCampaignGauges(List<RunningCampaign> running) {
        Map<String, RunningCampaign> byId = new HashMap<>();
        running.forEach(c -> byId.put(c.campaignId(), c));
        for (String id : List.copyOf(campaignGauges.keySet())) {
            if (!byId.containsKey(id)) {
                registry.remove(campaignGauges.remove(id)); // the campaign ended: its gauge goes
            }
        }
        for (String id : byId.keySet()) {
            campaignGauges.computeIfAbsent(id, k -> Gauge.builder("longtail.evolver.campaign.generation", this,
                    m -> m.snapshot.running().stream().filter(c -> c.campaignId().equals(k)).findFirst()
                            .map(c -> (double) c.generation()).orElse(Double.NaN))
                    .tag("campaign", k).description("current generation of a running campaign").register(registry)
                    .getId());
        }
    }

    @SuppressWarnings("unchecked")
    private Snapshot read() {
        Map<String, Long> byState = new HashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT status, count(*) FROM campaign GROUP BY status").getResultList())
                .forEach(r -> byState.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        Object[] totals = (Object[]) em.createNativeQuery(
                "SELECT count(*), count(evaluated_at), coalesce(sum(evolved), 0) FROM generation").getSingleResult();
        Map<String, Long> failures = new HashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT coalesce(p.operator, 'unknown'), count(*) FROM pool_seed p "
                + "JOIN generation g ON g.campaign_id = p.campaign_id AND g.generation = p.generation "
                + "WHERE p.origin = 'EVOLVED' AND g.sealed_at IS NOT NULL AND p.accepted_at IS NULL "
                + "GROUP BY 1").getResultList())
                .forEach(r -> failures.put((String) r[0], ((Number) r[1]).longValue()));
        return new Snapshot(byState, ((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                ((Number) totals[2]).longValue(), failures, readRunning());
    }

    @SuppressWarnings("unchecked")
    private List<RunningCampaign> readRunning() {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(c.id AS text), c.current_generation, "
                + "greatest(c.created_at, max(g.created_at), max(g.published_at), max(g.sealed_at), max(g.evaluated_at)) "
                + "FROM campaign c LEFT JOIN generation g ON g.campaign_id = c.id WHERE c.status = 'RUNNING' "
                + "GROUP BY c.id, c.current_generation, c.created_at ORDER BY c.id").getResultList();
        return rows.stream().map(r -> new RunningCampaign((String) r[0], ((Number) r[1]).intValue(), SqlColumns.instant(r[2])))
                .toList();
    }
}
