package dev.longtail.generator.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the ledger logs about usage it could not write: the only record left of it. */
class UsageLedgerTest {

    @Test
    void shouldDescribeUsageItCouldNotWriteCompletelyEnoughToBookItByHand() {
        var from = Instant.parse("2026-01-02T03:04:05Z");
        var to = Instant.parse("2026-01-02T03:05:00Z");
        var lines = Map.of(new UsageLedger.Account("c-1", "vllm", "llama"),
                new UsageLine(3, 1, 120, 45, 0.00021, from, to));

        assertEquals("campaign=c-1 backend=vllm model=llama requests=3 failedRequests=1 promptTokens=120"
                + " completionTokens=45 costUsd=0.00021 from=2026-01-02T03:04:05Z to=2026-01-02T03:05:00Z",
                UsageLedger.describe(lines));
    }
}
