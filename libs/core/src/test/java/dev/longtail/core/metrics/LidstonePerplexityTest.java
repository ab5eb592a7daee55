package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LidstonePerplexityTest {

    private static final List<List<String>> CORPUS = NltkReference.texts("corpus.txt");
    private static final List<List<String>> HELD_OUT = NltkReference.texts("heldout.txt");

    @Test
    void shouldMatchNltkLaplaceBigramPerplexity() {
        assertEquals(NltkReference.value("laplace2.perplexity"), LidstonePerplexity.of(CORPUS, HELD_OUT, 2, 1.0), 1e-9);
    }

    @Test
    void shouldMatchNltkLidstoneTrigramPerplexity() {
        assertEquals(NltkReference.value("lidstone3.perplexity"), LidstonePerplexity.of(CORPUS, HELD_OUT, 3, 0.5), 1e-9);
    }
}
