package dev.longtail.curator.selection;

import dev.longtail.core.curation.ClusterQuotaSelection;
import java.util.List;

/** The answer of {@code POST /api/v1/select}: the chosen candidate ids (in request order) and the per-cluster report. */
public record SelectResponse(int budget, List<String> selected, List<ClusterQuotaSelection.ClusterShare> clusters) {
}
