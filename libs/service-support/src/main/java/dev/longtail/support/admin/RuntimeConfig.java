package dev.longtail.support.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The service's runtime configuration: the start-up values of every {@link RuntimeTunables} group, overlaid with the
 * values operators set, which live in the service's database ({@code runtime_setting}) so that every replica uses
 * them. A change is validated per group as a whole (a bad value is a 400 naming the key and changes nothing),
 * written with one audit entry per key, and applied here at once; other replicas re-read the table every
 * {@code longtail.admin.config-refresh-every} (default 5 s).
 */
@ApplicationScoped
public class RuntimeConfig {

    /** The audit action of a changed key. */
    public static final String CHANGE = "config.change";

    private static final Logger LOG = Logger.getLogger(RuntimeConfig.class);

    private final Instance<RuntimeTunables> groups;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final AdminAudit audit;
    /** The stored values last put in force (key to JSON text). */
    private volatile Map<String, String> applied = Map.of();

    public RuntimeConfig(Instance<RuntimeTunables> groups, EntityManager em, ObjectMapper mapper, AdminAudit audit) {
        this.groups = groups;
        this.em = em;
        this.mapper = mapper;
        this.audit = audit;
    }

    /** Puts the stored values in force at start-up; a database that is not there yet must not stop the start. */
    void onStart(@Observes StartupEvent start) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "runtime configuration not read from the database; start-up values stay in force");
        }
    }

    @Scheduled(every = "${longtail.admin.config-refresh-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf(e, "runtime configuration not re-read");
        }
    }

    /** Every key with the value in force, sorted by key. */
    public Map<String, Object> values() {
        Map<String, Object> values = new TreeMap<>();
        for (RuntimeTunables group : groups) {
            values.putAll(valuesOf(group, applied));
        }
        return values;
    }

    /** The values in force of the given keys only (a subset such as the curator's thresholds), in their order. */
    public Map<String, Object> values(Iterable<String> keys) {
        Map<String, Object> all = values();
        Map<String, Object> some = new LinkedHashMap<>();
        keys.forEach(k -> some.put(k, all.get(k)));
        return some;
    }

    /**
     * Validates and stores {@code changes} (key to new value), audited as made by {@code actor}, and puts them in force
     * here. Unknown keys and bad values are a 400 problem naming the key; nothing is changed then.
     */
    public Map<String, Object> change(Map<String, Object> changes, String actor) {
        if (changes == null || changes.isEmpty()) {
            throw ProblemException.badRequest("name at least one setting; known: " + values().keySet());
        }
        Map<String, RuntimeTunables> owners = owners();
        TreeSet<String> unknown = new TreeSet<>(changes.keySet());
        unknown.removeAll(owners.keySet());
        if (!unknown.isEmpty()) {
            List<Problem.Violation> violations = unknown.stream()
                    .map(k -> new Problem.Violation(k, null, "is not a runtime setting")).toList();
            throw ProblemException.badRequest("unknown settings " + unknown + "; known: " + new TreeSet<>(owners.keySet()),
                    violations);
        }
        for (RuntimeTunables group : groups) {
            Map<String, Object> candidate = valuesOf(group, applied);
            if (changes.keySet().stream().noneMatch(candidate::containsKey)) {
                continue;
            }
            changes.forEach((k, v) -> candidate.computeIfPresent(k, (key, old) -> v));
            try {
                group.validate(candidate);
            } catch (InvalidSettingException e) {
                // a rule between keys names one of them: when only one key of the group changed, that one is at fault
                List<String> changed = changes.keySet().stream().filter(candidate::containsKey).toList();
                String key = changed.contains(e.key()) || changed.size() != 1 ? e.key() : changed.get(0);
                throw ProblemException.badRequest(key + ": " + e.getMessage(),
                        List.of(new Problem.Violation(key, null, e.getMessage())));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> store(changes, actor));
        refresh();
        return values();
    }

    private void store(Map<String, Object> changes, String actor) {
        // one writer at a time across replicas, so that each audit entry's "before" is the value it replaced
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('runtime_setting'))").getSingleResult();
        Map<String, String> stored = readStored();
        Map<String, Object> startup = new HashMap<>();
        groups.forEach(g -> startup.putAll(g.startupValues()));
        Timestamp now = Timestamp.from(Instant.now());
        for (var change : new TreeMap<>(changes).entrySet()) {
            String key = change.getKey();
            String before = stored.containsKey(key) ? stored.get(key) : json(startup.get(key));
            String after = json(change.getValue());
            em.createNativeQuery("INSERT INTO runtime_setting (name, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4) "
                    + "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, "
                    + "updated_by = EXCLUDED.updated_by")
                    .setParameter(1, key).setParameter(2, after).setParameter(3, now).setParameter(4, actor)
                    .executeUpdate();
            audit.record(actor, CHANGE, key, before, after);
        }
    }

    /** Re-reads the stored values and puts them in force when they changed since the last time. */
    public synchronized void refresh() {
        Map<String, String> stored = QuarkusTransaction.requiringNew().call(this::readStored);
        if (stored.equals(applied)) {
            return;
        }
        for (RuntimeTunables group : groups) {
            Map<String, Object> values = valuesOf(group, stored);
            if (values.equals(valuesOf(group, applied))) {
                continue;
            }
            try {
                group.validate(values);
                group.apply(values);
                LOG.infof("runtime configuration in force: %s", values);
            } catch (InvalidSettingException e) {
                LOG.warnf("stored setting %s is invalid here (%s); the group keeps its values", e.key(), e.getMessage());
            }
        }
        applied = Map.copyOf(stored);
    }

    private Map<String, String> readStored() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, value FROM runtime_setting").getResultList();
        Map<String, String> stored = new HashMap<>();
        rows.forEach(r -> stored.put((String) r[0], (String) r[1]));
        return stored;
    }

    private Map<String, Object> valuesOf(RuntimeTunables group, Map<String, String> stored) {
        Map<String, Object> values = new LinkedHashMap<>(group.startupValues());
        for (String key : new ArrayList<>(values.keySet())) {
            if (stored.containsKey(key)) {
                values.put(key, parse(stored.get(key)));
            }
        }
        return values;
    }

    private Map<String, RuntimeTunables> owners() {
        Map<String, RuntimeTunables> owners = new HashMap<>();
        groups.forEach(g -> g.startupValues().keySet().forEach(k -> owners.put(k, g)));
        return owners;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write setting as JSON: " + e.getMessage(), e);
        }
    }

    private Object parse(String json) {
        try {
            return mapper.readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored setting is not JSON: " + json, e);
        }
    }
}
