package dev.longtail.generator.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Token and cost accounting per campaign, backend and model. Batches (the loop, job chunks) are written at once;
 * the synchronous API's many small calls are summed in memory and written together every
 * {@code accounting.flush-every}, on shutdown and before an account is read, because one transaction per call on
 * the same hot row serialised every call behind the row lock. Every write is an additive upsert, so that concurrent
 * writers and replicas add up without a lost update; a failed write keeps its lines pending for the next flush.
 * <p>
 * Shutdown: Quarkus first lets running HTTP requests finish ({@code quarkus.shutdown.timeout}), then fires the
 * {@link ShutdownEvent}, whose observer flushes; the bean's {@link PreDestroy} flushes again (a call that outlived
 * the wait) and closes the ledger. A call that still arrives afterwards is written at once. Whatever cannot be
 * written (the database is down) is logged at ERROR with every line, as the only record left of it.
 */
@ApplicationScoped
public class UsageLedger {

    /** The account of calls that name no campaign. */
    public static final String AD_HOC = "ad-hoc";

    private static final Logger LOG = Logger.getLogger(UsageLedger.class);

    /** One account line. */
    public record Usage(String campaignId, String backend, String model, long requests, long failedRequests,
            long promptTokens, long completionTokens, BigDecimal costUsd, Instant firstUsedAt, Instant lastUsedAt) {
    }

    /** Where usage is booked. */
    record Account(String campaignId, String backend, String model) {
    }

    private final EntityManager em;
    /** Usage summed in memory, not yet written. */
    private final Map<Account, UsageLine> pending = new ConcurrentHashMap<>();
    /** Set before the last flush: from then on a call's usage is written at once. */
    private volatile boolean closed;

    public UsageLedger(EntityManager em) {
        this.em = em;
    }

    /** Writes a batch's usage now, in the caller's transaction or a new one. */
    @Transactional
    public void record(String campaignId, UsageTally tally) {
        write(lines(campaignId, tally, Instant.now()));
    }

    /**
     * Adds a call's usage to the pending sums; it is written within {@code accounting.flush-every}, or at once once
     * the ledger has closed for shutdown.
     */
    public void recordLater(String campaignId, UsageTally tally) {
        Map<Account, UsageLine> lines = lines(campaignId, tally, Instant.now());
        if (lines.isEmpty()) {
            return;
        }
        lines.forEach((account, line) -> pending.merge(account, line, UsageLine::plus));
        if (closed) {
            // after the last flush: nothing would write it any more
            flush();
            if (!pending.isEmpty()) {
                LOG.errorf("Token usage that arrived after shutdown could not be written and is lost: %s",
                        describe(drain()));
            }
        }
    }

    /**
     * Writes the pending sums in one transaction. On failure they are put back (added to whatever arrived
     * meanwhile), so that a database outage delays the accounting but loses none of it while this replica lives.
     */
    @Scheduled(every = "${longtail.generator.accounting.flush-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutting down: the database goes away meanwhile
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Account, UsageLine> drained = drain();
        try {
            // programmatic, not @Transactional: the put-back below must also catch a failed commit, so the
            // transaction has to end inside this try; and callers (the scheduler, shutdown, of()) may hold none
            QuarkusTransaction.requiringNew().run(() -> write(drained));
        } catch (RuntimeException e) {
            drained.forEach((account, line) -> pending.merge(account, line, UsageLine::plus));
            LOG.warnf("Could not write the pending token usage (%d lines); it stays pending: %s", drained.size(),
                    e.getMessage());
        }
    }

    /**
     * Quarkus fires this once running HTTP requests have finished (or {@code quarkus.shutdown.timeout} ran out), while
     * the datasource is still open: the pending usage is written.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        flush();
        if (!pending.isEmpty()) {
            LOG.warnf("Token usage of %d accounts could not be written at shutdown; trying once more as the ledger"
                    + " closes", pending.size());
        }
    }

    /** The last flush, for calls that finished after the shutdown event; what still cannot be written is logged. */
    @PreDestroy
    void close() {
        closed = true;
        flush();
        if (!pending.isEmpty()) {
            LOG.errorf("Token usage could not be written at shutdown and is lost: %s", describe(drain()));
        }
    }

    /** Takes every pending line out. */
    private Map<Account, UsageLine> drain() {
        Map<Account, UsageLine> drained = new java.util.HashMap<>();
        for (Account account : new ArrayList<>(pending.keySet())) {
            UsageLine line = pending.remove(account);
            if (line != null) {
                drained.put(account, line);
            }
        }
        return drained;
    }

    /** Lost lines, complete enough to book them by hand. */
    static String describe(Map<Account, UsageLine> lines) {
        return lines.entrySet().stream().map(e -> {
            Account a = e.getKey();
            UsageLine l = e.getValue();
            return ("campaign=%s backend=%s model=%s requests=%d failedRequests=%d promptTokens=%d"
                    + " completionTokens=%d costUsd=%s from=%s to=%s").formatted(a.campaignId(), a.backend(), a.model(),
                            l.requests(), l.failedRequests(), l.promptTokens(), l.completionTokens(),
                            BigDecimal.valueOf(l.costUsd()).toPlainString(), l.firstUsedAt(), l.lastUsedAt());
        }).collect(java.util.stream.Collectors.joining("; "));
    }

    /** A campaign's lines, by backend and model, including what this replica still had pending. */
    public List<Usage> of(String campaignId) {
        flush();
        // its own transaction after the flush's, so that the read sees what the flush committed
        return QuarkusTransaction.requiringNew().call(() -> read(campaignId));
    }

    private List<Usage> read(String campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT campaign_id, backend, model, requests, failed_requests, prompt_tokens, completion_tokens,
                       cost_usd, first_used_at, last_used_at
                FROM token_usage WHERE campaign_id = ?1 ORDER BY backend, model
                """).setParameter(1, campaignId).getResultList();
        return rows.stream().map(r -> new Usage((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), new BigDecimal(r[7].toString()), instant(r[8]), instant(r[9]))).toList();
    }

    private static Map<Account, UsageLine> lines(String campaignId, UsageTally tally, Instant now) {
        String campaign = campaignId == null || campaignId.isBlank() ? AD_HOC : campaignId;
        Map<Account, UsageLine> lines = new java.util.HashMap<>();
        tally.lines().forEach((key, line) -> {
            String[] parts = key.split("\u0000", 2);
            lines.put(new Account(campaign, parts[0], parts[1]), new UsageLine(line.requests, line.failedRequests,
                    line.promptTokens, line.completionTokens, line.costUsd, now, now));
        });
        return lines;
    }

    private void write(Map<Account, UsageLine> lines) {
        lines.forEach((account, line) -> em.createNativeQuery("""
                INSERT INTO token_usage (campaign_id, backend, model, requests, failed_requests, prompt_tokens,
                    completion_tokens, cost_usd, first_used_at, last_used_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (campaign_id, backend, model) DO UPDATE SET
                    requests = token_usage.requests + EXCLUDED.requests,
                    failed_requests = token_usage.failed_requests + EXCLUDED.failed_requests,
                    prompt_tokens = token_usage.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = token_usage.completion_tokens + EXCLUDED.completion_tokens,
                    cost_usd = token_usage.cost_usd + EXCLUDED.cost_usd,
                    first_used_at = LEAST(token_usage.first_used_at, EXCLUDED.first_used_at),
                    last_used_at = GREATEST(token_usage.last_used_at, EXCLUDED.last_used_at)
                """)
                .setParameter(1, account.campaignId()).setParameter(2, account.backend())
                .setParameter(3, account.model())
                .setParameter(4, line.requests()).setParameter(5, line.failedRequests())
                .setParameter(6, line.promptTokens()).setParameter(7, line.completionTokens())
                .setParameter(8, BigDecimal.valueOf(line.costUsd())).setParameter(9, line.firstUsedAt())
                .setParameter(10, line.lastUsedAt())
                .executeUpdate());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
