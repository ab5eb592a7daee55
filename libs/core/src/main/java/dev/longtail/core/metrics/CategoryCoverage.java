package dev.longtail.core.metrics;

import dev.longtail.core.metrics.CollapseMeasurement.CategoryShare;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of the reference's categories a corpus still holds, when texts carry a category. Coverage is the share of
 * the reference's texts whose category occurs in the corpus (1 − the share the missing categories had): a corpus
 * drawn from one category of eight equal ones covers 1/8 of the reference. Minority categories (below the uniform
 * share 1/K of K categories) also get their joint share in the corpus over theirs in the reference. Texts without a
 * category are left out of the shares; a corpus without any category is not measured.
 */
final class CategoryCoverage {

    private final Map<String, Double> referenceShares;
    private final Set<String> minorities;

    private CategoryCoverage(Map<String, Double> referenceShares, Set<String> minorities) {
        this.referenceShares = referenceShares;
        this.minorities = minorities;
    }

    static CategoryCoverage ofReference(List<CorpusText> reference) {
        Map<String, Double> shares = shares(reference);
        Set<String> minorities = new HashSet<>();
        if (shares.size() >= 2) {
            double uniform = 1.0 / shares.size();
            shares.forEach((c, s) -> {
                if (s < uniform) {
                    minorities.add(c);
                }
            });
        }
        return new CategoryCoverage(Collections.unmodifiableMap(shares), minorities);
    }

    /**
     * Puts the corpus's category metrics into {@code values} and every reference category's shares into
     * {@code categories}: coverage and missing categories whenever both sides carry categories, the minority ratio
     * when the reference has minorities (their shares are listed then even for a corpus without categories).
     */
    void measure(List<CorpusText> corpus, Map<String, Double> values, Map<String, CategoryShare> categories) {
        if (referenceShares.isEmpty()) {
            return;
        }
        Map<String, Double> shares = shares(corpus);
        if (shares.isEmpty() && minorities.isEmpty()) {
            return;
        }
        double referenceMinority = 0;
        double versionMinority = 0;
        double missing = 0;
        int missingCount = 0;
        for (var e : referenceShares.entrySet()) {
            boolean minority = minorities.contains(e.getKey());
            double share = shares.getOrDefault(e.getKey(), 0.0);
            categories.put(e.getKey(), new CategoryShare(e.getValue(), share, minority));
            if (minority) {
                referenceMinority += e.getValue();
                versionMinority += share;
            }
            if (share == 0) {
                missing += e.getValue();
                missingCount++;
            }
        }
        if (shares.isEmpty()) {
            return;
        }
        if (!minorities.isEmpty()) {
            values.put(CollapseMeasurement.MINORITY_CATEGORY_RATIO, versionMinority / referenceMinority);
        }
        values.put(CollapseMeasurement.CATEGORY_COVERAGE, Math.max(0, 1 - missing));
        values.put(CollapseMeasurement.MISSING_CATEGORIES, (double) missingCount);
    }

    /** Each category's share of the texts that carry one; empty when none does. */
    static Map<String, Double> shares(List<CorpusText> texts) {
        Map<String, Double> shares = new TreeMap<>();
        int known = 0;
        for (CorpusText t : texts) {
            if (t.category() != null && !t.category().isBlank()) {
                shares.merge(t.category(), 1.0, Double::sum);
                known++;
            }
        }
        int total = known;
        shares.replaceAll((c, n) -> n / total);
        return shares;
    }
}
