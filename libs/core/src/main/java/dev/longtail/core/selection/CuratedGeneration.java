package dev.longtail.core.selection;

import java.util.List;
import java.util.Map;

/**
 * One generation's curated training set: the chosen synthetic lines, the chosen real anchor lines, and the
 * evidence: how many candidates came in, how many were rejected and why, and how many of the synthetic
 * tokens were carried over from the previous generation's set.
 */
public record CuratedGeneration(List<List<String>> synthetic, List<List<String>> anchors,
                                int candidateLines, long candidateTokens, Map<String, Integer> rejections,
                                long carriedTokens) {

    /** A generation that carried nothing over from the previous set. */
    public CuratedGeneration(List<List<String>> synthetic, List<List<String>> anchors, int candidateLines,
                             long candidateTokens, Map<String, Integer> rejections) {
        this(synthetic, anchors, candidateLines, candidateTokens, rejections, 0);
    }

    /** Copies the collections so a curated generation cannot change after it is made. */
    public CuratedGeneration {
        synthetic = List.copyOf(synthetic);
        anchors = List.copyOf(anchors);
        rejections = Map.copyOf(rejections);
    }

    /** Synthetic lines followed by anchor lines: the training set. */
    public List<List<String>> trainingSet() {
        List<List<String>> all = new java.util.ArrayList<>(synthetic.size() + anchors.size());
        all.addAll(synthetic);
        all.addAll(anchors);
        return all;
    }

    /** Tokens of the chosen synthetic lines. */
    public long syntheticTokens() {
        return tokens(synthetic);
    }

    /** Tokens of the chosen real anchor lines. */
    public long anchorTokens() {
        return tokens(anchors);
    }

    private static long tokens(List<List<String>> lines) {
        long n = 0;
        for (List<String> line : lines) {
            n += line.size();
        }
        return n;
    }
}
