package dev.longtail.generator.backend;

/** A generated token and its natural-log probability, as the backend reported it. */
public record TokenLogprob(String token, double logprob) {
}
