package dev.longtail.generator.accounting;

import java.time.Instant;

/** What one account used over a span of time; two spans add up. Plain Java. */
public record UsageLine(long requests, long failedRequests, long promptTokens, long completionTokens, double costUsd,
        Instant firstUsedAt, Instant lastUsedAt) {

    /** The sum of both spans: counts add, the span covers both. */
    public UsageLine plus(UsageLine other) {
        return new UsageLine(requests + other.requests, failedRequests + other.failedRequests,
                promptTokens + other.promptTokens, completionTokens + other.completionTokens, costUsd + other.costUsd,
                firstUsedAt.isBefore(other.firstUsedAt) ? firstUsedAt : other.firstUsedAt,
                lastUsedAt.isAfter(other.lastUsedAt) ? lastUsedAt : other.lastUsedAt);
    }
}
