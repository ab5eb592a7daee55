package dev.longtail.core.feedback;

/** The verdict on a generation: healthy, drifting from the real data, or collapsing (Shumailov et al. 2024). */
public enum Health {
    HEALTHY,
    DRIFTING,
    COLLAPSING
}
