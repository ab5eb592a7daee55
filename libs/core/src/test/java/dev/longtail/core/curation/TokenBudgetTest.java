package dev.longtail.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The mixing policies under a fixed token budget: cut in the seeded random order, anchors at most the ratio of it. */
class TokenBudgetTest {

    /** A record is its token count here. */
    private static final ToIntFunction<Integer> TOKENS = Integer::intValue;

    private static List<Integer> records(int count, int tokens) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> tokens).toList());
    }

    private static long sum(List<Integer> records) {
        return TokenBudget.tokens(records, TOKENS);
    }

    @Test
    void shouldCutReplaceToTheBudget() {
        var mix = TokenBudget.mix(AnchorPolicy.REPLACE, records(40, 10), List.of(), records(10, 10), 0.1, 7L, 95, TOKENS);
        assertEquals(90, sum(mix.synthetic()));
        assertTrue(mix.real().isEmpty());
    }

    @Test
    void shouldKeepRatioAnchorsWithinTheRatioOfTheBudget() {
        var mix = TokenBudget.mix(AnchorPolicy.RATIO, records(40, 10), List.of(), records(20, 7), 0.2, 7L, 200, TOKENS);
        assertEquals(160, sum(mix.synthetic()), "B - floor(r B) of synthetic records");
        assertTrue(sum(mix.real()) <= 40 && !mix.real().isEmpty(), "anchors " + sum(mix.real()));
        assertTrue(sum(mix.synthetic()) + sum(mix.real()) <= 200);
    }

    @Test
    void shouldLeaveRatioAsItIsWhenTheBudgetIsLargerThanTheVersion() {
        List<Integer> current = records(4, 10);
        List<Integer> reference = records(10, 10);
        var budgeted = TokenBudget.mix(AnchorPolicy.RATIO, current, List.of(), reference, 0.2, 7L, 10_000, TOKENS);
        var plain = AnchorPolicy.RATIO.mix(current, List.of(), reference, 0.2, 7L);
        assertEquals(plain, budgeted);
    }

    @Test
    void shouldSubsampleTheAccumulatedPoolToTheBudgetWithRealRecordsAtMostTheRatio() {
        List<Integer> current = records(10, 5);
        List<Integer> earlier = records(30, 6);
        List<Integer> reference = records(30, 4);
        var mix = TokenBudget.mix(AnchorPolicy.ACCUMULATE_SUBSAMPLE, current, earlier, reference, 0.1, 11L, 120, TOKENS);
        assertTrue(sum(mix.synthetic()) + sum(mix.real()) <= 120);
        assertTrue(sum(mix.real()) <= 12);
        assertTrue(mix.synthetic().contains(6), "earlier generations are in the pool");
        assertEquals(mix, TokenBudget.mix(AnchorPolicy.ACCUMULATE_SUBSAMPLE, current, earlier, reference, 0.1, 11L, 120,
                TOKENS), "the same seed gives the same subsample");
    }

    @Test
    void shouldLetAccumulateGrowWhateverTheBudget() {
        List<Integer> current = records(10, 5);
        List<Integer> earlier = records(30, 6);
        List<Integer> reference = records(30, 4);
        assertEquals(AnchorPolicy.ACCUMULATE.mix(current, earlier, reference, 0.1, 3L),
                TokenBudget.mix(AnchorPolicy.ACCUMULATE, current, earlier, reference, 0.1, 3L, 10, TOKENS));
    }

    @Test
    void shouldSkipARecordThatDoesNotFitAndTakeAShorterOneAfterIt() {
        List<Integer> kept = TokenBudget.fit(List.of(50, 9, 50, 1), TOKENS, 10, 5L);
        assertEquals(List.of(9, 1), kept);
    }

    @Test
    void shouldWalkTheSameSeededOrderTheAnchorDrawTakes() {
        List<Integer> pool = IntStream.range(0, 50).boxed().toList();
        int[] order = AnchorMixer.order(50, 42L);
        int[] firstTen = Arrays.copyOf(order, 10);
        Arrays.sort(firstTen);
        assertEquals(Arrays.stream(firstTen).boxed().toList(), AnchorMixer.choose(pool, 10, 42L));
        assertEquals(50, Arrays.stream(order).distinct().count());
    }

    @Test
    void shouldRefuseANonPositiveBudgetAndSpendNoneOnTailPreserving() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenBudget.mix(AnchorPolicy.REPLACE, List.of(1), List.of(), List.of(), 0.1, 1L, 0, TOKENS));
        assertThrows(IllegalStateException.class,
                () -> TokenBudget.mix(AnchorPolicy.TAIL_PRESERVING, List.of(1), List.of(), List.of(), 0.1, 1L, 5, TOKENS));
        assertThrows(IllegalArgumentException.class,
                () -> new VersionBudget(0.1, 0.6, 1.0, java.util.OptionalLong.empty()), "carry-over must stay below 1");
        assertThrows(IllegalArgumentException.class,
                () -> new VersionBudget(0.1, 0.6, 0.5, java.util.OptionalLong.of(0)));
    }
}
