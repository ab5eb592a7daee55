package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collapse benchmark in miniature for CI: three generations of replace, anchor10, accumulate-subsample and
 * longtail on real WikiText-2 text (see {@link WikiText} for when it is skipped). Retraining on samples must raise
 * held-out perplexity, keeping 10% real data must slow that, and Longtail's curation must slow it more:
 * longtail &lt; anchor10 &lt; replace; accumulating every generation's samples with the real data in a fixed budget
 * must slow it too: accumulate-subsample &lt; replace. (random10x and longtail-fresh cost as much as longtail each,
 * so they are left to the full run.)
 */
class CollapseMiniatureTest {

    @Test
    void shouldRankLongtailBelowAnchor10BelowReplaceInHeldOutPerplexity(@TempDir Path out) throws Exception {
        CollapseRunOptions settings = new CollapseRunOptions(WikiText.valid(), out, 3, 1, 1, 3, 0.1, 10,
                List.of("replace", "anchor10", "accumulate-subsample", "longtail"), 1, 0,
                dev.longtail.core.selection.SelectionSettings.DEFAULTS, null);
        CollapseBenchmark.Result result = CollapseBenchmark.run(settings, line -> { });
        CollapseReport report = new CollapseReport(result, "miniature");
        double replace = report.mean("replace", 3, GenerationRow::perplexity);
        double anchor = report.mean("anchor10", 3, GenerationRow::perplexity);
        double subsample = report.mean("accumulate-subsample", 3, GenerationRow::perplexity);
        double longtail = report.mean("longtail", 3, GenerationRow::perplexity);
        double start = report.mean("replace", 0, GenerationRow::perplexity);
        String table = String.format("ppl_0 %.1f, generation 3: longtail %.1f, anchor10 %.1f, accumulate-subsample %.1f, "
                + "replace %.1f", start, longtail, anchor, subsample, replace);
        assertTrue(replace > start, "replace must collapse: " + table);
        assertTrue(anchor < replace, "anchor10 must beat replace: " + table);
        assertTrue(longtail < anchor, "longtail must beat anchor10: " + table);
        assertTrue(subsample < replace, "accumulate-subsample must beat replace: " + table);
        for (int g = 1; g <= 3; g++) {
            assertTrue(report.mean("longtail", g, GenerationRow::tokens) <= result.corpus().trainTokens());
            assertTrue(report.mean("longtail", g, GenerationRow::realShare) <= 0.1 + 1e-9);
            assertTrue(report.mean("accumulate-subsample", g, GenerationRow::tokens) <= result.corpus().trainTokens());
        }
        report.write(out);
        assertTrue(java.nio.file.Files.readString(out.resolve("collapse.md")).contains("| longtail |"));
        assertEquals(4, result.runs().size());
    }
}
