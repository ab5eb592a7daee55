package dev.longtail.curator;

import dev.longtail.core.curation.NgramProfile;
import dev.longtail.core.curation.ClusterQuotaSelection;
import dev.longtail.support.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tail-keeping selection under a budget: clusters the caller's real reference, gives each cluster a quota (tail
 * boosted), fills the quotas with the nearest candidates, and reports the per-cluster shares.
 */
@Path("/api/v1/select")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelectResource {

    /** A candidate to choose from. */
    public record Candidate(String id, String text) {
    }

    /**
     * The reference texts, the candidates, the budget; optional clusters, tail boost, seed and representation
     * ({@code ngram}, default, or {@code embedding}: MiniLM).
     */
    public record SelectRequest(List<String> reference, List<Candidate> candidates, Integer budget, Integer clusters,
            Double tailBoost, Long seed, String representation) {
    }

    /** The chosen candidate ids (in request order) and the per-cluster report. */
    public record SelectResponse(int budget, List<String> selected, List<ClusterQuotaSelection.ClusterShare> clusters) {
    }

    private final CuratorConfig config;
    private final LazyEmbedder embedder;

    public SelectResource(CuratorConfig config, LazyEmbedder embedder) {
        this.config = config;
        this.embedder = embedder;
    }

    @POST
    public SelectResponse select(SelectRequest request) {
        if (request == null || request.reference() == null || request.reference().isEmpty()) {
            throw ProblemException.badRequest("reference must hold at least one real text");
        }
        if (request.candidates() == null || request.candidates().isEmpty()) {
            throw ProblemException.badRequest("candidates must hold at least one candidate");
        }
        int limit = config.api().maxBatchSize() * 10;
        if (request.candidates().size() + request.reference().size() > limit) {
            throw new ProblemException(413, "Payload Too Large", "reference and candidates hold at most " + limit
                    + " texts together", List.of());
        }
        if (request.budget() == null || request.budget() < 1) {
            throw ProblemException.badRequest("budget must be >= 1, was " + request.budget());
        }
        Set<String> ids = new HashSet<>();
        for (Candidate c : request.candidates()) {
            if (c == null || c.id() == null || c.text() == null) {
                throw ProblemException.badRequest("every candidate needs an id and a text");
            }
            if (!ids.add(c.id())) {
                throw ProblemException.badRequest("candidate id " + c.id() + " appears more than once");
            }
        }
        ClusterQuotaSelection.Settings settings;
        try {
            settings = new ClusterQuotaSelection.Settings(
                    request.clusters() == null ? config.selection().clusters() : request.clusters(),
                    request.tailBoost() == null ? config.selection().tailBoost() : request.tailBoost(),
                    ClusterQuotaSelection.Settings.DEFAULTS.iterations(),
                    request.seed() == null ? ClusterQuotaSelection.Settings.DEFAULTS.seed() : request.seed());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        String representation = request.representation() == null ? "ngram" : request.representation().toLowerCase(Locale.ROOT);
        List<String> candidateTexts = request.candidates().stream().map(Candidate::text).toList();
        List<float[]> reference;
        List<float[]> candidates;
        switch (representation) {
            case "ngram" -> {
                reference = request.reference().stream().map(t -> NgramProfile.of(t, NgramProfile.DIMENSION)).toList();
                candidates = candidateTexts.stream().map(t -> NgramProfile.of(t, NgramProfile.DIMENSION)).toList();
            }
            case "embedding" -> {
                reference = embedder.embedAll(request.reference());
                candidates = embedder.embedAll(candidateTexts);
            }
            default -> throw ProblemException.badRequest("representation must be ngram or embedding, was " + request.representation());
        }
        var result = ClusterQuotaSelection.select(reference, candidates, request.budget(), settings);
        List<String> selected = result.selected().stream().map(i -> request.candidates().get(i).id()).toList();
        return new SelectResponse(request.budget(), selected, result.clusters());
    }
}
