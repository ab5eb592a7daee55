package dev.longtail.core.curation;

import java.util.OptionalLong;

/**
 * How large a dataset version may be and how it is shared, the settings a campaign arm varies: the share of real
 * anchors, the share of the accepted tokens a tail-preserving version keeps, the largest share of its synthetic
 * budget that records carried over from the previous version may fill, and an optional fixed token budget for the
 * whole version (synthetic and anchors; at most {@code anchorRatio} of it real).
 *
 * @param anchorRatio share of real anchors in the version, in [0, 1)
 * @param keepShare   share of the generation's accepted tokens a tail-preserving version keeps, in (0, 1]
 * @param carryOver   largest share of the synthetic budget carried records may fill, in [0, 1)
 * @param tokenBudget the most tokens the version may hold, at least 1; empty = no fixed budget
 */
public record VersionBudget(double anchorRatio, double keepShare, double carryOver, OptionalLong tokenBudget) {

    /** Validates every range (the message names the setting as a campaign arm spells it). */
    public VersionBudget {
        if (!(anchorRatio >= 0 && anchorRatio < 1)) {
            throw new IllegalArgumentException("anchorRatio must be in [0, 1), was " + anchorRatio);
        }
        if (!(keepShare > 0 && keepShare <= 1)) {
            throw new IllegalArgumentException("keepShare must be in (0, 1], was " + keepShare);
        }
        if (!(carryOver >= 0 && carryOver < 1)) {
            throw new IllegalArgumentException("carryOver must be in [0, 1), was " + carryOver);
        }
        if (tokenBudget == null) {
            tokenBudget = OptionalLong.empty();
        }
        if (tokenBudget.isPresent() && tokenBudget.getAsLong() < 1) {
            throw new IllegalArgumentException("tokenBudget must be >= 1, was " + tokenBudget.getAsLong());
        }
    }

    /** A version sized by its keep share alone: nothing carried over, no fixed token budget. */
    public static VersionBudget of(double anchorRatio, double keepShare) {
        return new VersionBudget(anchorRatio, keepShare, 0, OptionalLong.empty());
    }

    /** The largest number of real anchor tokens a fixed budget allows: floor(anchorRatio × B). */
    public long anchorCap(long budget) {
        return (long) Math.floor(anchorRatio * budget);
    }
}
