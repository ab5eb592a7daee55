package dev.longtail.generator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.longtail.core.random.SeedMixer;

class PromptFormatTest {

    @Test
    void shouldEndThePromptWithTheResponseMarker() {
        assertEquals(List.of("name", "a", "colour", ".", "warm", "<response>"),
                PromptFormat.prompt("Name a colour.", "Warm"));
        assertEquals(List.of("name", "a", "colour", ".", "<response>"), PromptFormat.prompt("Name a colour.", ""));
    }

    @Test
    void shouldTrainOnPromptMarkerAndResponse() {
        assertEquals(List.of("say", "hi", "<response>", "hi", "!"), PromptFormat.trainingSequence("Say hi", null, "Hi!"));
    }

    @Test
    void shouldDropResponseMarkersFromSampledContinuations() {
        assertEquals(List.of("blue", "."), PromptFormat.responseTokens(List.of("<response>", "blue", "<response>", ".")));
    }

    @Test
    void shouldDeriveTheSameRandomStreamForTheSameSeedAndKey() {
        assertEquals(SeedMixer.rng(9, "c:g1:1").nextLong(), SeedMixer.rng(9, "c:g1:1").nextLong());
        assertNotEquals(SeedMixer.derive(9, "c:g1:1"), SeedMixer.derive(9, "c:g1:2"));
        assertNotEquals(SeedMixer.derive(9, "c:g1:1"), SeedMixer.derive(10, "c:g1:1"));
    }
}
