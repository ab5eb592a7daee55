package dev.longtail.evaluator.report;

import dev.longtail.contracts.Verdict;
import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.evaluation.EvaluationColumns;
import dev.longtail.evaluator.evaluation.CampaignReference;
import dev.longtail.support.admin.CampaignCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Prometheus gauges of each campaign's latest evaluation, for dashboards and alerts:
 * {@code longtail_evaluator_metric{campaign, metric}} (every metric), {@code longtail_evaluator_verdict{campaign}}
 * (0 healthy, 1 drifting, 2 collapsing), {@code longtail_evaluator_collapsing{campaign}} (1 while collapsing;
 * alert on it) and {@code longtail_evaluator_generation{campaign}}. Restored from the database at start-up for the
 * campaigns still running; removed from the registry when a campaign ends (its last generation is evaluated) or
 * {@code POST /admin/caches/evict} names it.
 */
@ApplicationScoped
public class CampaignGauges implements CampaignCache {

    private static final Logger LOG = Logger.getLogger(CampaignGauges.class);

    private final MeterRegistry registry;
    private final EvaluationColumns columns;
    /** Strong references: Micrometer holds gauge state weakly. */
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();
    /** The meters of each campaign, removed from the registry when the campaign ends or is evicted. */
    private final Map<String, List<Meter.Id>> meters = new ConcurrentHashMap<>();

    public CampaignGauges(MeterRegistry registry, EvaluationColumns columns) {
        this.registry = registry;
        this.columns = columns;
    }

    /** A start-up observer in a transaction of its own: a database that is not there yet must not stop start-up. */
    void restore(@Observes StartupEvent start) {
        try {
            // campaigns that have ended (latest generation is their last) have no gauges any more
            QuarkusTransaction.requiringNew().run(() -> Evaluation.latestOfEachCampaign().stream()
                    .filter(e -> !endedWith(e)).forEach(this::update));
        } catch (RuntimeException e) {
            LOG.warnf(e, "gauges not restored from the database; they fill as evaluations arrive");
        }
    }

    /** Sets the campaign's gauges to a committed evaluation if it is the latest generation seen. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refresh(UUID evaluationId) {
        Evaluation e = Evaluation.findById(evaluationId);
        if (e != null) {
            update(e);
        }
    }

    /** Sets the campaign's gauges to this evaluation if it is the latest generation seen; call in a transaction. */
    public void update(Evaluation e) {
        if (endedWith(e)) {
            evict(e.campaignId); // an ended campaign has no gauges (a late downstream result must not bring them back)
            return;
        }
        AtomicReference<Double> generation = holder("longtail.evaluator.generation", Tags.of("campaign", e.campaignId),
                "generation of the campaign's latest evaluation");
        if (generation.get() != null && generation.get() > e.generation) {
            return;
        }
        generation.set((double) e.generation);
        holder("longtail.evaluator.verdict", Tags.of("campaign", e.campaignId),
                "latest verdict: 0 healthy, 1 drifting, 2 collapsing").set((double) e.verdict.ordinal());
        holder("longtail.evaluator.collapsing", Tags.of("campaign", e.campaignId),
                "1 while the latest verdict is collapsing").set(e.verdict == Verdict.COLLAPSING ? 1.0 : 0.0);
        columns.values(e).forEach((metric, value) -> holder("longtail.evaluator.metric",
                Tags.of("campaign", e.campaignId, "metric", metric), "latest value of a metric").set(value));
    }

    /** Whether this evaluation is of its campaign's last generation (the campaign has ended). */
    public static boolean endedWith(Evaluation e) {
        CampaignReference reference = CampaignReference.findById(e.campaignId);
        return reference != null && reference.generations > 0 && e.generation >= reference.generations;
    }

    @Override
    public String name() {
        return "campaign-gauges";
    }

    /** Removes every gauge of the campaign from the registry. */
    @Override
    public boolean evict(String campaignId) {
        List<Meter.Id> ids = meters.remove(campaignId);
        if (ids == null) {
            return false;
        }
        synchronized (meters) {
            ids.forEach(id -> {
                registry.remove(id);
                values.remove(id.getName() + Tags.of(id.getTags()));
            });
        }
        return true;
    }

    @Override
    public int size() {
        return meters.size();
    }

    private AtomicReference<Double> holder(String name, Tags tags, String description) {
        synchronized (meters) {
            return values.computeIfAbsent(name + tags, k -> {
                AtomicReference<Double> ref = new AtomicReference<>();
                Gauge gauge = Gauge.builder(name, ref, r -> r.get() == null ? Double.NaN : r.get()).tags(tags)
                        .description(description).register(registry);
                String campaign = tags.stream().filter(t -> t.getKey().equals("campaign")).findFirst().orElseThrow()
                        .getValue();
                meters.computeIfAbsent(campaign, c -> new CopyOnWriteArrayList<>()).add(gauge.getId());
                return ref;
            });
        }
    }
}
