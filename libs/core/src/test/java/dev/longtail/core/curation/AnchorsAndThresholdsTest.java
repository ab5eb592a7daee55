package dev.longtail.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ratio policy's anchor arithmetic and draw, and the loop's threshold and decision validation. */
class AnchorsAndThresholdsTest {

    @Test
    void shouldValidateThresholdsAndDecisions() {
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0, 3, 300, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(1.1, 3, 300, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0.8, 0, 300, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0.8, 10, 5, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0.8, 3, 300, 0));
        assertThrows(IllegalArgumentException.class, () -> Decision.rejected(null, "length", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Decision(true, RejectionReason.TOO_SHORT, "length", 1, 1));
    }

    @Test
    void shouldCountAnchorsForTheRequestedRatio() {
        assertEquals(10, AnchorMixer.anchorCount(90, 0.1, 1000));
        assertEquals(5, AnchorMixer.anchorCount(90, 0.1, 5));
        assertEquals(0, AnchorMixer.anchorCount(90, 0.0, 1000));
        assertEquals(100, AnchorMixer.anchorCount(100, 0.5, 1000));
        assertThrows(IllegalArgumentException.class, () -> AnchorMixer.anchorCount(10, 1.0, 10));
        assertThrows(IllegalArgumentException.class, () -> AnchorMixer.anchorCount(10, -0.1, 10));
    }

    @Test
    void shouldChooseAnchorsDeterministicallyWithoutReplacementInPoolOrder() {
        List<Integer> pool = IntStream.range(0, 100).boxed().toList();
        List<Integer> chosen = AnchorMixer.choose(pool, 10, 7);
        assertEquals(chosen, AnchorMixer.choose(pool, 10, 7));
        assertEquals(10, chosen.size());
        assertEquals(10, new HashSet<>(chosen).size());
        assertEquals(chosen.stream().sorted().toList(), chosen);
        assertFalse(chosen.equals(AnchorMixer.choose(pool, 10, 8)));
        assertEquals(pool, AnchorMixer.choose(pool, 500, 7));
    }
}
