package dev.longtail.core.evolution;

/**
 * Evol-Instruct's first elimination rule (Xu et al. 2023): whether an evolved instruction gains information over
 * its parent. WizardLM asks ChatGPT; Longtail asks a language model when a backend is set and otherwise measures
 * similarity ({@link RougeLGainJudge}, {@link EmbeddingGainJudge}).
 */
public interface InformationGainJudge {

    /** True when the rewrite adds nothing to the parent (the evolution failed). */
    boolean lacksGain(Seed parent, Rewrite rewrite);

    /** Recorded with a generation: which judge ran and with which threshold or template. */
    String describe();
}
