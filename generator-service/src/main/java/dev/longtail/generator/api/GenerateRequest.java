package dev.longtail.generator.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A one-off generation request: texts to train the embedded model on, instructions to answer, and how to sample. */
public record GenerateRequest(
        @NotNull @Size(min = 1, max = 10_000) List<@NotNull @Valid Example> trainingCorpus,
        @NotNull @Size(min = 1, max = 256) List<@NotBlank String> instructions,
        @NotNull @Valid SamplingRequest sampling) {

    /** One instruction with its optional input and its response. */
    public record Example(@NotBlank String instruction, String input, @NotBlank String output) {
    }

    /** Temperature in (0, 5], nucleus mass in (0, 1], a token limit and the random seed that makes it repeatable. */
    public record SamplingRequest(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("5") double temperature,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double topP,
            @Min(1) @Max(2048) int maxTokens,
            long randomSeed) {
    }
}
