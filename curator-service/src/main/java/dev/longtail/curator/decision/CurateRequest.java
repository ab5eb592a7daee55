package dev.longtail.curator.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A batch for {@code POST /api/v1/curate}; {@code semantic} switches the semantic stage for this request (default:
 * configured). Its size limit ({@code longtail.curator.api.max-batch-size}, 413 beyond) is configuration, so
 * {@link BatchCuration} checks it.
 */
public record CurateRequest(String campaignId, Boolean semantic,
        @NotEmpty(message = "must hold at least one sample") List<@NotNull @Valid SampleIn> samples) {

    /** One sample of a request. */
    public record SampleIn(@NotBlank(message = "is required") String id, String instruction, String input,
            @NotNull(message = "is required") String output) {
    }
}
