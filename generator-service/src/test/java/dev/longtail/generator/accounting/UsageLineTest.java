package dev.longtail.generator.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class UsageLineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldAddTwoSpansOfUsageCoveringBothInTime() {
        var early = new UsageLine(2, 1, 30, 10, 0.5, T0, T0.plusSeconds(5));
        var late = new UsageLine(3, 0, 40, 20, 0.25, T0.plusSeconds(2), T0.plusSeconds(9));

        var sum = early.plus(late);

        assertEquals(new UsageLine(5, 1, 70, 30, 0.75, T0, T0.plusSeconds(9)), sum);
        assertEquals(sum, late.plus(early), "the order of adding does not matter");
    }
}
