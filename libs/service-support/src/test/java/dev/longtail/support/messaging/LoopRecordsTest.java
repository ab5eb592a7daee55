package dev.longtail.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.Events.InvalidEventException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LoopRecordsTest {

    private static final String CAMPAIGN = "5f0c6d7e-1111-4a2b-9c3d-123456789abc";

    @Test
    void shouldGiveTheCampaignIdInCanonicalForm() {
        assertEquals(CAMPAIGN, LoopRecords.campaignIdOf(CAMPAIGN.toUpperCase()));
    }

    @Test
    void shouldRejectACampaignIdThatIsNotAUuidAsTheRecordsFault() {
        var e = assertThrows(InvalidEventException.class, () -> LoopRecords.campaignIdOf("campaign-7"));
        assertTrue(e.getMessage().contains("campaign-7"));
    }

    @Test
    void shouldNameTheCampaignInTheLogContextWhileItsRecordIsHandledOnly() {
        Object inside = LoopRecords.withRetry(CAMPAIGN, () -> MDC.get(LoopRecords.CAMPAIGN_ID), () -> { });
        assertEquals(CAMPAIGN, inside);
        assertNull(MDC.get(LoopRecords.CAMPAIGN_ID));
    }

    @Test
    void shouldRetryAFailureThatIsNotTheRecordsFaultAndForgetStateAfterEach() {
        var calls = new AtomicInteger();
        var forgotten = new AtomicInteger();
        String result = LoopRecords.withRetry(CAMPAIGN, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("connection lost");
            }
            return "done";
        }, forgotten::incrementAndGet);

        assertEquals("done", result);
        assertEquals(3, calls.get());
        assertEquals(2, forgotten.get());
    }

    @Test
    void shouldGiveUpAfterThreeAttempts() {
        var calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> LoopRecords.withRetry(CAMPAIGN, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("database down");
        }, () -> { }));
        assertEquals(LoopRecords.ATTEMPTS, calls.get());
    }

    @Test
    void shouldNeverRetryARecordThatIsInvalid() {
        var calls = new AtomicInteger();
        var forgotten = new AtomicInteger();
        assertThrows(InvalidEventException.class, () -> LoopRecords.withRetry(CAMPAIGN, () -> {
            calls.incrementAndGet();
            throw new InvalidEventException("no sampleId");
        }, forgotten::incrementAndGet));
        assertEquals(1, calls.get());
        assertEquals(1, forgotten.get());
    }
}
