package dev.longtail.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.embedding.TextEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyMiniLmTest {

    @Test
    void shouldLoadTheModelOnceOnFirstUseAndNotBefore() {
        var loads = new AtomicInteger();
        var lazy = new LazyMiniLm(() -> {
            loads.incrementAndGet();
            return new MiniLmEmbedder();
        });
        assertEquals(0, loads.get());

        lazy.embed("Tides follow the moon.");
        lazy.embedAll(List.of("Name three moons of Jupiter."));

        assertEquals(1, loads.get());
        assertEquals(384, lazy.embed("How do I repot a cactus?").length);
    }

    @Test
    void shouldReportAModelThatCannotLoadOnceAndStayUnavailable() {
        var loads = new AtomicInteger();
        var lazy = new LazyMiniLm(() -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime for this platform");
        });

        assertTrue(lazy.ifAvailable().isEmpty());
        var failure = assertThrows(IllegalStateException.class, () -> lazy.embed("text"));
        assertTrue(failure.getMessage().contains("no onnxruntime"), failure.getMessage());
        assertEquals(1, loads.get());
    }

    @Test
    void shouldHandTheLoadedModelToCallersThatOnlyEmbedWhenItIsAvailable() {
        TextEmbedder model = new LazyMiniLm().ifAvailable().orElseThrow();
        assertEquals(384, model.dimension());
    }
}
