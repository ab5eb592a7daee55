package dev.longtail.generator.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.longtail.generator.generation.UsageTally;

/**
 * Token and cost accounting per campaign, backend and model: each batch adds its tally with one upsert per
 * line, so that concurrent batches and replicas add up without a lost update.
 */
@ApplicationScoped
public class UsageLedger {

    /** The account of calls that name no campaign. */
    public static final String AD_HOC = "ad-hoc";

    /** One account line. */
    public record Usage(String campaignId, String backend, String model, long requests, long failedRequests,
            long promptTokens, long completionTokens, BigDecimal costUsd, Instant firstUsedAt, Instant lastUsedAt) {
    }

    private final EntityManager em;

    public UsageLedger(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public void record(String campaignId, UsageTally tally) {
        String account = campaignId == null || campaignId.isBlank() ? AD_HOC : campaignId;
        Instant now = Instant.now();
        tally.lines().forEach((key, line) -> {
            String[] parts = key.split("\u0000", 2);
            em.createNativeQuery("""
                    INSERT INTO token_usage (campaign_id, backend, model, requests, failed_requests, prompt_tokens,
                        completion_tokens, cost_usd, first_used_at, last_used_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                    ON CONFLICT (campaign_id, backend, model) DO UPDATE SET
                        requests = token_usage.requests + EXCLUDED.requests,
                        failed_requests = token_usage.failed_requests + EXCLUDED.failed_requests,
                        prompt_tokens = token_usage.prompt_tokens + EXCLUDED.prompt_tokens,
                        completion_tokens = token_usage.completion_tokens + EXCLUDED.completion_tokens,
                        cost_usd = token_usage.cost_usd + EXCLUDED.cost_usd,
                        last_used_at = EXCLUDED.last_used_at
                    """)
                    .setParameter(1, account).setParameter(2, parts[0]).setParameter(3, parts[1])
                    .setParameter(4, line.requests).setParameter(5, line.failedRequests)
                    .setParameter(6, line.promptTokens).setParameter(7, line.completionTokens)
                    .setParameter(8, BigDecimal.valueOf(line.costUsd)).setParameter(9, now)
                    .executeUpdate();
        });
    }

    /** A campaign's lines, by backend and model. */
    @Transactional
    public List<Usage> of(String campaignId) {
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
