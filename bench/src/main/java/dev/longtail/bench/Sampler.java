package dev.longtail.bench;

import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.lm.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws whole lines from a model as it is (temperature 1, no nucleus truncation, as the collapse
 * literature samples), until a token budget would be exceeded. Empty lines are skipped in every regime
 * alike: a line without tokens is not a line.
 */
public final class Sampler {

    private final Sampling sampling;

    /** Lines are cut at {@code maxLineTokens} tokens (set well above the longest real line). */
    public Sampler(int maxLineTokens) {
        this.sampling = new Sampling(1.0, 1.0, maxLineTokens);
    }

    /** Samples lines until the next one would take the total past {@code budget} tokens. */
    public List<List<String>> lines(KneserNeyModel model, long budget, SplittableRandom random) {
        List<List<String>> lines = new ArrayList<>();
        long total = 0;
        int emptyInARow = 0;
        while (total < budget) {
            List<String> line = model.sample(List.of(), sampling, random);
            if (line.isEmpty()) {
                if (++emptyInARow > 10_000) {
                    throw new IllegalStateException("the model produces only empty lines");
                }
                continue;
            }
            emptyInARow = 0;
            if (total + line.size() > budget) {
                break;
            }
            lines.add(line);
            total += line.size();
        }
        return lines;
    }
}
