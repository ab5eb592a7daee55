package dev.longtail.generator.accounting;

import java.math.BigDecimal;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;

/** A campaign's token and cost account: one line per backend and model, and the totals. */
@Path("/api/v1/campaigns/{campaignId}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    /** The account: totals over every line, and the lines. */
    public record Account(String campaignId, long requests, long failedRequests, long promptTokens,
            long completionTokens, BigDecimal costUsd, List<UsageLedger.Usage> lines) {
    }

    private final UsageLedger ledger;

    public UsageResource(UsageLedger ledger) {
        this.ledger = ledger;
    }

    /** An account with no usage is empty, not missing: the campaign may simply not have generated yet. */
    @GET
    @Blocking
    public Account usage(@PathParam("campaignId") String campaignId) {
        List<UsageLedger.Usage> lines = ledger.of(campaignId);
        return new Account(campaignId,
                lines.stream().mapToLong(UsageLedger.Usage::requests).sum(),
                lines.stream().mapToLong(UsageLedger.Usage::failedRequests).sum(),
                lines.stream().mapToLong(UsageLedger.Usage::promptTokens).sum(),
                lines.stream().mapToLong(UsageLedger.Usage::completionTokens).sum(),
                lines.stream().map(UsageLedger.Usage::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines);
    }
}
