package dev.longtail.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectionAndAnchorsTest {

    /** A unit vector near one of two far-apart directions, with noise. */
    private static float[] near(int direction, Random random) {
        float[] v = new float[8];
        v[direction] = 1;
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (random.nextGaussian() * 0.05);
        }
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= Math.sqrt(n);
        }
        return v;
    }

    @Test
    void shouldKeepARareClusterFromBeingCrowdedOutWhenTheTailIsBoosted() {
        Random random = new Random(1);
        List<float[]> reference = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            reference.add(near(0, random));
        }
        for (int i = 0; i < 10; i++) {
            reference.add(near(1, random));
        }
        List<float[]> candidates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            candidates.add(near(0, random));
        }
        for (int i = 0; i < 40; i++) {
            candidates.add(near(1, random));
        }
        var proportional = ClusterQuotaSelection.select(reference, candidates, 100,
                new ClusterQuotaSelection.Settings(2, 0.0, 20, 7));
        var boosted = ClusterQuotaSelection.select(reference, candidates, 100,
                new ClusterQuotaSelection.Settings(2, 1.0, 20, 7));
        assertEquals(100, proportional.selected().size());
        assertEquals(100, boosted.selected().size());
        assertEquals(10, rareSelected(proportional));
        assertEquals(40, rareSelected(boosted), "equal quotas of 50, but the rare cluster has only 40 candidates");
        double referenceShares = proportional.clusters().stream()
                .mapToDouble(ClusterQuotaSelection.ClusterShare::referenceShare).sum();
        assertEquals(1.0, referenceShares, 1e-9);
    }

    private static long rareSelected(ClusterQuotaSelection.Result result) {
        return result.clusters().stream().filter(c -> c.reference() == 10)
                .mapToInt(ClusterQuotaSelection.ClusterShare::selected).sum();
    }

    @Test
    void shouldClusterTextsByTheirNgramProfiles() {
        float[] a = NgramProfile.of("the cat sat on the mat", 256);
        float[] b = NgramProfile.of("the cat sat on a mat", 256);
        float[] c = NgramProfile.of("quantum chromodynamics describes quarks", 256);
        double ab = 0;
        double ac = 0;
        for (int i = 0; i < 256; i++) {
            ab += a[i] * b[i];
            ac += a[i] * c[i];
        }
        assertTrue(ab > 0.5 && ac < 0.3, "ab=" + ab + " ac=" + ac);
    }

    @Test
    void shouldMixRealDataByEachAnchorPolicy() {
        List<String> current = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9");
        List<String> earlier = List.of("e1", "e2", "e3");
        List<String> reference = List.of("r1", "r2", "r3", "r4");
        assertEquals(List.of(), AnchorPolicy.REPLACE.mix(current, earlier, reference, 0.1, 1).real());
        var ratio = AnchorPolicy.RATIO.mix(current, earlier, reference, 0.1, 1);
        assertEquals(1, ratio.real().size());
        var accumulate = AnchorPolicy.ACCUMULATE.mix(current, earlier, reference, 0.1, 1);
        assertEquals(12, accumulate.synthetic().size());
        assertEquals(reference, accumulate.real());
        var subsample = AnchorPolicy.ACCUMULATE_SUBSAMPLE.mix(current, earlier, reference, 0.1, 1);
        assertEquals(10, subsample.synthetic().size() + subsample.real().size());
        assertEquals(subsample, AnchorPolicy.ACCUMULATE_SUBSAMPLE.mix(current, earlier, reference, 0.1, 1));
        assertEquals(AnchorPolicy.ACCUMULATE_SUBSAMPLE, AnchorPolicy.parse("accumulate-subsample"));
        assertThrows(IllegalArgumentException.class, () -> AnchorPolicy.parse("keep-everything"));
    }
}
