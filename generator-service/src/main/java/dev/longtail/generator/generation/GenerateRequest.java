package dev.longtail.generator.generation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.longtail.generator.prompt.GenerationMode;

/**
 * A generation without the loop, for {@code POST /api/v1/generate} and generation jobs. Only {@code sampling} is
 * always required; the rest depends on the mode: {@code instructions} (RESPONSE), {@code texts} (REPHRASE),
 * {@code humanSeeds}, optional {@code machineSeeds} and {@code count} (SELF_INSTRUCT). The embedded backend also
 * needs {@code trainingCorpus}. Backend and template version default to the configured ones; a
 * {@code campaignId} puts the tokens on that campaign's account.
 */
public record GenerateRequest(
        @Size(max = 128) String backend,
        GenerationMode mode,
        @Min(1) Integer templateVersion,
        @Size(max = 64) String campaignId,
        @Size(max = 10_000) List<@NotNull @Valid Example> trainingCorpus,
        @Size(max = 10_000) List<@NotBlank String> instructions,
        @Size(max = 10_000) List<@NotBlank String> texts,
        @Size(max = 10_000) List<@NotBlank String> humanSeeds,
        @Size(max = 10_000) List<@NotBlank String> machineSeeds,
        @Min(1) @Max(10_000) Integer count,
        Boolean logprobs,
        @NotNull @Valid SamplingRequest sampling) {

    /** One instruction with its optional input and its response. */
    public record Example(@NotBlank String instruction, String input, @NotBlank String output) {
    }

    /** Temperature in (0, 5], nucleus mass in (0, 1], a token limit and the random seed that makes it repeatable. */
    public record SamplingRequest(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("5") double temperature,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double topP,
            @Min(1) @Max(8192) int maxTokens,
            long randomSeed) {
    }
}
