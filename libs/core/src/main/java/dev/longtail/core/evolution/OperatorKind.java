package dev.longtail.core.evolution;

/**
 * Evol-Instruct's two directions of evolution (Xu et al. 2023, "WizardLM"): in-depth makes an instruction
 * harder or more specific, in-breadth makes a new instruction on a rarer topic of the same domain.
 */
public enum OperatorKind {
    IN_DEPTH,
    IN_BREADTH
}
