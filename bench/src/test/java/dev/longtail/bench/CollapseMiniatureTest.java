package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collapse benchmark in miniature for CI: three generations of replace, anchor10 and longtail on real
 * WikiText-2 text (see {@link WikiText} for when it is skipped). Retraining on samples must raise held-out
 * perplexity, keeping 10% real data must slow that, and Longtail's curation must slow it more:
 * longtail &lt; anchor10 &lt; replace.
 */
class CollapseMiniatureTest {

    @Test
    void shouldRankLongtailBelowAnchor10BelowReplaceInHeldOutPerplexity(@TempDir Path out) throws Exception {
        CollapseRunOptions settings = new CollapseRunOptions(WikiText.valid(), out, 3, 1, 1, 3, 0.1, 10,
                List.of("replace", "anchor10", "longtail"), 1, 0, dev.longtail.core.selection.SelectionSettings.DEFAULTS);
        CollapseBenchmark.Result result = CollapseBenchmark.run(settings, line -> { });
        CollapseReport report = new CollapseReport(result, "miniature");
        double replace = report.mean("replace", 3, GenerationRow::perplexity);
        double anchor = report.mean("anchor10", 3, GenerationRow::perplexity);
        double longtail = report.mean("longtail", 3, GenerationRow::perplexity);
        double start = report.mean("replace", 0, GenerationRow::perplexity);
        String table = String.format("ppl_0 %.1f, generation 3: longtail %.1f, anchor10 %.1f, replace %.1f",
                start, longtail, anchor, replace);
        assertTrue(replace > start, "replace must collapse: " + table);
        assertTrue(anchor < replace, "anchor10 must beat replace: " + table);
        assertTrue(longtail < anchor, "longtail must beat anchor10: " + table);
        for (int g = 1; g <= 3; g++) {
            assertTrue(report.mean("longtail", g, GenerationRow::tokens) <= result.corpus().trainTokens());
            assertTrue(report.mean("longtail", g, GenerationRow::realShare) <= 0.1 + 1e-9);
        }
        report.write(out);
        assertTrue(java.nio.file.Files.readString(out.resolve("collapse.md")).contains("| longtail |"));
        assertEquals(3, result.runs().size());
    }
}
