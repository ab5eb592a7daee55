package dev.longtail.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeedMixerTest {

    @Test
    void shouldDeriveTheSameSeedsAsEveryEarlierCampaignSoReplaysStayExact() {
        // Values of the generator's SampleSeeds and the evolver's RandomSeeds before they became this class.
        assertEquals(3875300945066004992L, SeedMixer.derive(42L, "seed-7"));
        assertEquals(9051183938191074818L, SeedMixer.derive(42L, "evolution", 3));
    }

    @Test
    void shouldGiveUnrelatedSeedsForNeighbouringKeysAndSteps() {
        assertNotEquals(SeedMixer.derive(42L, "seed-7"), SeedMixer.derive(42L, "seed-8"));
        assertNotEquals(SeedMixer.derive(42L, "sampling", 1), SeedMixer.derive(42L, "sampling", 2));
        assertNotEquals(SeedMixer.derive(42L, "sampling", 1), SeedMixer.derive(43L, "sampling", 1));
    }

    @Test
    void shouldReplayTheSameRandomStreamForTheSameSeedAndKey() {
        var first = SeedMixer.rng(7L, "k");
        var second = SeedMixer.rng(7L, "k");
        for (int i = 0; i < 5; i++) {
            assertEquals(first.nextLong(), second.nextLong());
        }
    }
}
