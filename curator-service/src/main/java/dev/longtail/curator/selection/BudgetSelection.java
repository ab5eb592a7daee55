package dev.longtail.curator.selection;

import dev.longtail.core.curation.NgramProfile;
import dev.longtail.core.curation.ClusterQuotaSelection;
import dev.longtail.curator.CuratorConfig;
import dev.longtail.embeddings.LazyMiniLm;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tail-keeping selection under a budget: clusters the caller's real reference, gives each cluster a quota (tail
 * boosted), fills the quotas with the nearest candidates, and reports the per-cluster shares.
 */
@ApplicationScoped
public class BudgetSelection {

    private final CuratorConfig config;
    private final LazyMiniLm embedder;

    public BudgetSelection(CuratorConfig config, LazyMiniLm embedder) {
        this.config = config;
        this.embedder = embedder;
    }

    /** The selection; 413 when reference and candidates are too many, 400 for repeated ids or bad settings. */
    public SelectResponse select(SelectRequest request) {
        int limit = config.api().maxBatchSize() * 10;
        if (request.candidates().size() + request.reference().size() > limit) {
            throw new ProblemException(413, "Payload Too Large", "reference and candidates hold at most " + limit
                    + " texts together", List.of());
        }
        // more than a request can hold is no budget or cluster count but a mistake (2^31-1, say): refuse it
        if (request.budget() > limit || request.clusters() != null && request.clusters() > limit) {
            throw ProblemException.badRequest("budget and clusters must be at most " + limit
                    + ", the most texts a request holds");
        }
        Set<String> ids = new HashSet<>();
        for (SelectRequest.Candidate c : request.candidates()) {
            if (!ids.add(c.id())) {
                throw ProblemException.badRequest("candidate id " + c.id() + " appears more than once");
            }
        }
        ClusterQuotaSelection.Settings settings = settingsOf(request);
        List<String> candidateTexts = request.candidates().stream().map(SelectRequest.Candidate::text).toList();
        List<float[]> reference;
        List<float[]> candidates;
        if (request.representation() == null || request.representation().equalsIgnoreCase("ngram")) {
            reference = request.reference().stream().map(t -> NgramProfile.of(t, NgramProfile.DIMENSION)).toList();
            candidates = candidateTexts.stream().map(t -> NgramProfile.of(t, NgramProfile.DIMENSION)).toList();
        } else {
            reference = embedder.embedAll(request.reference());
            candidates = embedder.embedAll(candidateTexts);
        }
        var result = ClusterQuotaSelection.select(reference, candidates, request.budget(), settings);
        List<String> selected = result.selected().stream().map(i -> request.candidates().get(i).id()).toList();
        return new SelectResponse(request.budget(), selected, result.clusters());
    }

    /** The request's clusters, tail boost and seed over the configured defaults, validated by the selection. */
    private ClusterQuotaSelection.Settings settingsOf(SelectRequest request) {
        try {
            return new ClusterQuotaSelection.Settings(
                    request.clusters() == null ? config.selection().clusters() : request.clusters(),
                    request.tailBoost() == null ? config.selection().tailBoost() : request.tailBoost(),
                    ClusterQuotaSelection.Settings.DEFAULTS.iterations(),
                    request.seed() == null ? ClusterQuotaSelection.Settings.DEFAULTS.seed() : request.seed());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
