package dev.longtail.core.selection;

import java.util.Map;

/**
 * What {@link TailPreservingCuration#selectLines} chose: indexes (ascending) into the fresh candidates, the carried
 * lines and the reference, the tokens of each part, and how many candidates were left out and why.
 */
public record LineSelection(int[] fresh, int[] carried, int[] anchors, long syntheticTokens, long anchorTokens,
                            Map<String, Integer> leftOut) {

    /** Copies the report so a selection cannot change after it is made. */
    public LineSelection {
        leftOut = Map.copyOf(leftOut);
    }
}
