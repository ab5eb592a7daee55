package dev.longtail.support.messaging;

import dev.longtail.contracts.Events.InvalidEventException;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What every loop consumer does with a record before and around its transaction: check the campaign id, and retry
 * failures that are not the record's fault. A record's own fault ({@link InvalidEventException}) is never retried: it
 * goes to the consumer's dead-letter topic with the reason.
 */
public final class LoopRecords {

    /** Attempts for a failure that is not the record's fault (a lost database connection, say). */
    public static final int ATTEMPTS = 3;

    /** The log context key of the campaign a record belongs to. */
    public static final String CAMPAIGN_ID = "campaignId";

    private static final Logger LOG = Logger.getLogger(LoopRecords.class);

    private LoopRecords() {
    }

    /** The campaign id in canonical form; an {@link InvalidEventException} when it is not a UUID. */
    public static String campaignIdOf(String campaignId) {
        try {
            return UUID.fromString(campaignId).toString();
        } catch (RuntimeException e) {
            throw new InvalidEventException("campaignId " + campaignId + " is not a UUID");
        }
    }

    /**
     * Runs work up to {@link #ATTEMPTS} times while it fails for reasons other than the record; {@code afterFailure}
     * runs after every failure (to drop state that a rolled-back transaction may have left inconsistent).
     */
    public static <T> T withRetry(String campaignId, Supplier<T> work, Runnable afterFailure) {
        return inCampaign(campaignId, () -> attempt(campaignId, work, afterFailure));
    }

    /** Runs work with the campaign id in the log context: JSON logs show it as {@code mdc.campaignId}. */
    public static <T> T inCampaign(String campaignId, Supplier<T> work) {
        Object outer = MDC.get(CAMPAIGN_ID);
        MDC.put(CAMPAIGN_ID, campaignId);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                MDC.remove(CAMPAIGN_ID);
            } else {
                MDC.put(CAMPAIGN_ID, outer);
            }
        }
    }

    private static <T> T attempt(String campaignId, Supplier<T> work, Runnable afterFailure) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (InvalidEventException e) {
                afterFailure.run();
                throw e;
            } catch (RuntimeException e) {
                afterFailure.run();
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf(e, "attempt %d for campaign %s failed; retrying", attempt, campaignId);
            }
        }
    }
}
