package dev.longtail.generator.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BackendLimiterTest {

    @Test
    void shouldGrantAnImmediatePermitOnlyWhileASlotIsFree() {
        var limiter = new BackendLimiter(1, 0);

        var first = limiter.tryAcquireNow(10);
        assertNotNull(first);
        assertNull(limiter.tryAcquireNow(10), "the only slot is taken");
        first.release(10);

        assertNotNull(limiter.tryAcquireNow(10), "free again after the release");
    }

    @Test
    void shouldGiveTheSlotBackWhenTheTokenBudgetIsNotThereRightNow() {
        var limiter = new BackendLimiter(2, 100);

        var permit = limiter.tryAcquireNow(100);
        assertNotNull(permit, "the whole minute's budget");
        assertNull(limiter.tryAcquireNow(50), "no budget left this instant");

        assertEquals(1, limiter.inFlight(), "the refused call holds no slot");
    }
}
