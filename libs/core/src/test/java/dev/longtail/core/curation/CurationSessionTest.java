package dev.longtail.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurationSessionTest {

    private static final CurationThresholds T = CurationThresholds.DEFAULTS;
    private static final String LONG_OUTPUT = "Photosynthesis lets plants turn sunlight, water and carbon dioxide into"
            + " glucose and oxygen. The light reactions happen in the thylakoid membranes, where chlorophyll absorbs"
            + " photons and splits water. The Calvin cycle then fixes carbon in the stroma, building sugars that the"
            + " plant stores as starch or burns for energy during the night.";

    private static CurationSession session() {
        return new CurationSession(128, 3, 42);
    }

    @Test
    void shouldAcceptANovelSampleAndRememberIt() {
        CurationSession session = session();
        Decision d = session.decide("s1", "Explain photosynthesis.", LONG_OUTPUT, T);
        assertTrue(d.accepted());
        assertNull(d.reason());
        assertEquals("all", d.stage());
        assertEquals(0.8, d.threshold());
        assertEquals(1, session.acceptedCount());
    }

    @Test
    void shouldRejectNearDuplicateOfAcceptedSample() {
        CurationSession session = session();
        assertTrue(session.decide("s1", "Explain photosynthesis.", LONG_OUTPUT, T).accepted());
        String edited = LONG_OUTPUT.replace("during the night", "during the dark hours");
        Decision d = session.decide("s2", "Explain photosynthesis.", edited, T);
        assertFalse(d.accepted());
        assertEquals(RejectionReason.NEAR_DUPLICATE, d.reason());
        assertEquals("near-duplicate", d.stage());
        assertTrue(d.score() >= 0.8 && d.score() < 1.0, "score " + d.score());
        assertEquals(0.8, d.threshold());
        assertEquals(1, session.acceptedCount());
    }

    @Test
    void shouldRejectExactDuplicateDifferingOnlyInCase() {
        CurationSession session = session();
        assertTrue(session.decide("s1", "Explain photosynthesis.", LONG_OUTPUT, T).accepted());
        Decision d = session.decide("s2", "EXPLAIN photosynthesis", LONG_OUTPUT.toUpperCase(), T);
        assertEquals(RejectionReason.EXACT_DUPLICATE, d.reason());
        assertEquals("exact-duplicate", d.stage());
        assertEquals(1.0, d.score());
    }

    @Test
    void shouldRejectDegenerateRepetition() {
        CurationSession session = session();
        Decision loop = session.decide("s1", "Tell a story.",
                "the cat sat on the mat the cat sat on the mat the cat sat on the mat", T);
        // 16 word trigrams, the last 10 repeat earlier ones: share 0.625 > 0.3
        assertEquals(RejectionReason.DEGENERATE, loop.reason());
        assertEquals("repetition", loop.stage());
        assertEquals(10.0 / 16, loop.score(), 1e-12);
        assertEquals(0.3, loop.threshold());

        Decision stutter = session.decide("s2", "Tell a story.", "It was very very very very very good indeed.", T);
        assertEquals(RejectionReason.DEGENERATE, stutter.reason());
        assertEquals(5.0, stutter.score());
        assertEquals(0, session.acceptedCount());
    }

    @Test
    void shouldRejectOutputsOutsideTheLengthBounds() {
        CurationSession session = session();
        Decision shortOne = session.decide("s1", "Say hi.", "Hi there!", T);
        assertEquals(RejectionReason.TOO_SHORT, shortOne.reason());
        assertEquals("length", shortOne.stage());
        assertEquals(2.0, shortOne.score());
        assertEquals(3.0, shortOne.threshold());

        CurationThresholds tight = new CurationThresholds(0.8, 3, 10, 0.3);
        Decision longOne = session.decide("s2", "Explain.", LONG_OUTPUT, tight);
        assertEquals(RejectionReason.TOO_LONG, longOne.reason());
        assertEquals(10.0, longOne.threshold());
        assertTrue(session.decide("s3", "Say hi.", "Hi there, friend.", T).accepted());
    }

    @Test
    void shouldRebuildItsStateFromRememberedSamples() {
        CurationSession session = session();
        session.remember("s1", "Explain photosynthesis.", LONG_OUTPUT);
        session.remember("s1", "Explain photosynthesis.", LONG_OUTPUT);
        assertEquals(1, session.acceptedCount());
        assertEquals(RejectionReason.EXACT_DUPLICATE, session.decide("s2", "Explain photosynthesis.", LONG_OUTPUT, T).reason());
    }

    @Test
    void shouldApplyAStricterNearDuplicateThresholdToEarlierAcceptedSamples() {
        CurationSession session = session();
        assertTrue(session.decide("s1", "Explain photosynthesis.", LONG_OUTPUT, T).accepted());
        // about half of the shingles change: accepted at 0.8, rejected at a threshold of 0.3
        String half = LONG_OUTPUT.substring(0, LONG_OUTPUT.indexOf("The Calvin"))
                + "Afterwards a separate set of reactions uses that stored energy to make sugar molecules slowly.";
        Decision lenient = session.decide("s2", "Explain photosynthesis.", half, new CurationThresholds(0.95, 3, 300, 0.3));
        assertTrue(lenient.accepted(), lenient.toString());
        Decision strict = session.decide("s3", "Explain photosynthesis!", half + " Really.", new CurationThresholds(0.3, 3, 300, 0.3));
        assertEquals(RejectionReason.NEAR_DUPLICATE, strict.reason());
    }

    @Test
    void shouldValidateThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0, 3, 300, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(1.1, 3, 300, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0.8, 0, 300, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0.8, 10, 5, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new CurationThresholds(0.8, 3, 300, 0));
        assertThrows(IllegalArgumentException.class, () -> Decision.rejected(null, "length", 1, 1));
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
        List<Integer> pool = java.util.stream.IntStream.range(0, 100).boxed().toList();
        List<Integer> chosen = AnchorMixer.choose(pool, 10, 7);
        assertEquals(chosen, AnchorMixer.choose(pool, 10, 7));
        assertEquals(10, chosen.size());
        assertEquals(10, new java.util.HashSet<>(chosen).size());
        assertEquals(chosen.stream().sorted().toList(), chosen);
        assertFalse(chosen.equals(AnchorMixer.choose(pool, 10, 8)));
        assertEquals(pool, AnchorMixer.choose(pool, 500, 7));
    }
}
