package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnigramDivergenceTest {

    @Test
    void shouldBeZeroForTheSameWordFrequencies() {
        assertEquals(0.0, UnigramDivergence.jensenShannon(List.of(List.of("a", "b")), List.of(List.of("b", "a", "a", "b"))), 1e-12);
    }

    @Test
    void shouldBeOneBitForDisjointVocabularies() {
        assertEquals(1.0, UnigramDivergence.jensenShannon(List.of(List.of("a")), List.of(List.of("b"))), 1e-12);
    }

    @Test
    void shouldGrowAsTheFrequenciesDrift() {
        List<List<String>> real = List.of(List.of("a", "b", "c", "d"));
        double near = UnigramDivergence.jensenShannon(List.of(List.of("a", "b", "c", "c")), real);
        double far = UnigramDivergence.jensenShannon(List.of(List.of("a", "a", "a", "a")), real);
        assertTrue(near > 0 && near < far, near + " vs " + far);
        assertEquals(UnigramDivergence.jensenShannon(real, List.of(List.of("a", "a"))),
                UnigramDivergence.jensenShannon(List.of(List.of("a", "a")), real), 1e-12);
    }
}
