package dev.longtail.generator.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Versioned prompt templates and the self-instruct example mix. */
class PromptTemplateTest {

    private static final String TEXT = """
            # a comment
            --- system
            Be brief.
            --- user
            {{instruction}}

            {{input}}
            """;

    @Test
    void shouldRenderSystemAndUserMessagesAndAFlatPrompt() {
        var template = PromptTemplate.parse(GenerationMode.RESPONSE, 2, TEXT);
        var rendered = template.render(Map.of("instruction", "Name a colour.", "input", "Warm ones"));
        assertEquals("response/v2", template.id());
        assertEquals("system", rendered.messages().get(0).role());
        assertEquals("Name a colour.\n\nWarm ones", rendered.messages().get(1).content());
        assertEquals("Be brief.\n\nName a colour.\n\nWarm ones", rendered.prompt());
        assertEquals(List.of("instruction", "input"), template.placeholders());
    }

    @Test
    void shouldCloseTheGapAnEmptyValueLeaves() {
        var rendered = PromptTemplate.parse(GenerationMode.RESPONSE, 1, TEXT).render(Map.of("instruction", "Say hi."));
        assertEquals("Say hi.", rendered.messages().get(1).content());
    }

    @Test
    void shouldRejectATemplateWithoutUserSection() {
        assertThrows(IllegalArgumentException.class,
                () -> PromptTemplate.parse(GenerationMode.REPHRASE, 1, "--- system\nBe brief.\n"));
    }

    @Test
    void shouldMixSixHumanAndTwoMachineExamples() {
        List<String> human = List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9");
        List<String> machine = List.of("m1", "m2", "m3");
        List<String> examples = ExampleMix.draw(human, machine, 6, 2, new SplittableRandom(1));
        assertEquals(8, examples.size());
        assertEquals(6, examples.stream().filter(e -> e.startsWith("h")).count());
        assertEquals(8, examples.stream().distinct().count(), "drawn without replacement");
        assertEquals(examples, ExampleMix.draw(human, machine, 6, 2, new SplittableRandom(1)));
        assertNotEquals(examples, ExampleMix.draw(human, machine, 6, 2, new SplittableRandom(2)));
    }

    @Test
    void shouldFillWithHumanExamplesWhileThereAreNoMachineOnes() {
        List<String> examples = ExampleMix.draw(List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"), List.of(),
                6, 2, new SplittableRandom(3));
        assertEquals(8, examples.size());
        assertTrue(ExampleMix.format(examples).startsWith("Task 1: h"));
    }

    @Test
    void shouldShipAFirstVersionOfEveryModesTemplate() {
        for (GenerationMode mode : GenerationMode.values()) {
            String path = "templates/" + mode.templateName() + "/v1.prompt";
            assertTrue(getClass().getClassLoader().getResource(path) != null, path);
        }
    }
}
