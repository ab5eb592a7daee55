package dev.longtail.curator.selection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A selection for {@code POST /api/v1/select}: the reference texts, the candidates, the budget; optional clusters,
 * tail boost, seed and representation ({@code ngram}, default, or {@code embedding}: MiniLM). The size limit on
 * reference and candidates together (413 beyond) is configuration, so {@link BudgetSelection} checks it, and the
 * selection's own settings are checked where they are defined.
 */
public record SelectRequest(
        @NotEmpty(message = "must hold at least one real text") List<@NotNull String> reference,
        @NotEmpty(message = "must hold at least one candidate") List<@NotNull @Valid Candidate> candidates,
        @NotNull @Min(value = 1, message = "must be >= 1") Integer budget,
        Integer clusters, Double tailBoost, Long seed,
        @Pattern(regexp = "(?i)ngram|embedding", message = "must be ngram or embedding") String representation) {

    /** A candidate to choose from. */
    public record Candidate(@NotNull(message = "is required") String id, @NotNull(message = "is required") String text) {
    }
}
