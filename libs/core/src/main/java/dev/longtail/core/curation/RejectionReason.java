package dev.longtail.core.curation;

/** Why curation rejected a sample; each stage of the filter chain has its own reason (the stage name refines it). */
public enum RejectionReason {
    TOO_SHORT,
    TOO_LONG,
    DEGENERATE,
    EXACT_DUPLICATE,
    NEAR_DUPLICATE,
    /** Self-Instruct's instruction heuristics: too short, too long, starting with punctuation. */
    BAD_INSTRUCTION,
    /** The instruction asks for a modality a text model cannot serve (images, files, audio, …). */
    UNSUPPORTED_MODALITY,
    /** A prompt-template marker leaked into the sample. */
    TEMPLATE_LEAK,
    /** Refusal boilerplate instead of an answer. */
    REFUSAL,
    /** Mostly digits, symbols or punctuation. */
    NON_ALPHABETIC,
    /** The instruction's ROUGE-L with an accepted instruction reaches the threshold. */
    INSTRUCTION_NOT_NOVEL,
    /** The embedding's cosine similarity with an accepted sample reaches the threshold. */
    SEMANTIC_DUPLICATE
}
