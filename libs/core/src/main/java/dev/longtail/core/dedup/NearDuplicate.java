package dev.longtail.core.dedup;

/** A stored text that resembles the one looked up, with the estimated Jaccard similarity of their shingles. */
public record NearDuplicate(String id, double jaccard) {
}
