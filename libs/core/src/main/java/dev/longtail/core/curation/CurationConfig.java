package dev.longtail.core.curation;

import java.util.List;

/**
 * Every switch and threshold of the curation filter chain ({@link CurationPipeline}), validated on construction so
 * that a bad value never reaches a running chain. Stages run cheap to expensive: length, instruction heuristics,
 * template leaks, refusals, non-alphabetic text, repetition, exact duplicates, near duplicates, instruction novelty,
 * semantic duplicates. Use {@link #DEFAULTS} and {@link #toBuilder()}.
 *
 * @param lengthEnabled             output word count within [minWords, maxWords]
 * @param instructionEnabled        Self-Instruct's instruction heuristics (length, leading punctuation, modalities)
 * @param templateLeakEnabled       reject leaked prompt-template markers such as "#Rewritten Prompt#"
 * @param refusalEnabled            reject refusal boilerplate ("As an AI language model, …")
 * @param nonAlphabeticEnabled      reject outputs whose non-space characters are mostly not letters
 * @param repetitionEnabled         Gopher's repetition rules (Rae et al. 2021) plus token runs
 * @param exactDuplicateEnabled     normalised-text hash against the batch and the accepted history
 * @param nearDuplicateEnabled      MinHash-LSH over word shingles
 * @param instructionNoveltyEnabled ROUGE-L of the instruction against LSH candidates among accepted instructions
 * @param semanticEnabled           cosine similarity of sentence embeddings (needs an embedder)
 * @param minWords                  fewest words in an output
 * @param maxWords                  most words in an output
 * @param instructionMinWords       fewest words in an instruction (Self-Instruct: 3)
 * @param instructionMaxWords       most words in an instruction (Self-Instruct: 150)
 * @param unsupportedModalityWords  instruction words a text model cannot serve (Self-Instruct's list)
 * @param templateMarkers           case-insensitive substrings that betray a leaked template
 * @param refusalPhrases            case-insensitive substrings of refusal boilerplate
 * @param maxNonAlphabeticShare     largest share of non-space characters that are not letters
 * @param maxRepeatedNgramShare     largest share of word trigrams that repeat an earlier one
 * @param maxTokenRun               a token repeated this many times in a row is degenerate
 * @param maxDuplicateLineShare     largest share of lines that repeat an earlier line (Gopher: 0.30)
 * @param maxTop2gramShare          largest share of word characters in the most frequent 2-gram (Gopher: 0.20)
 * @param maxTop3gramShare          the same for 3-grams (Gopher: 0.18)
 * @param maxTop4gramShare          the same for 4-grams (Gopher: 0.16)
 * @param nearDuplicateThreshold    estimated Jaccard similarity of word shingles at which a sample is a near duplicate
 * @param permutations              MinHash signature length
 * @param shingleSize               words per shingle
 * @param minhashSeed               seed of the MinHash permutations (fixed: rebuilt state decides the same way)
 * @param exactJaccardRecheck       confirm LSH matches with the exact Jaccard similarity of the shingle sets
 *                                  (keeps 2 bytes per shingle per accepted sample; the estimate alone has a
 *                                  standard error of about 0.035 at 0.8 with 128 permutations)
 * @param maxCandidates             most LSH candidates compared per lookup
 * @param instructionRougeLThreshold ROUGE-L F-measure at which an instruction is not novel (Self-Instruct: 0.7)
 * @param instructionPermutations   MinHash length of the instruction-word sets that find ROUGE-L candidates
 * @param semanticThreshold         cosine similarity at which a sample is a semantic duplicate
 * @param annThreshold              accepted samples beyond which the semantic stage uses an ANN index
 */
public record CurationConfig(
        boolean lengthEnabled,
        boolean instructionEnabled,
        boolean templateLeakEnabled,
        boolean refusalEnabled,
        boolean nonAlphabeticEnabled,
        boolean repetitionEnabled,
        boolean exactDuplicateEnabled,
        boolean nearDuplicateEnabled,
        boolean instructionNoveltyEnabled,
        boolean semanticEnabled,
        int minWords,
        int maxWords,
        int instructionMinWords,
        int instructionMaxWords,
        List<String> unsupportedModalityWords,
        List<String> templateMarkers,
        List<String> refusalPhrases,
        double maxNonAlphabeticShare,
        double maxRepeatedNgramShare,
        int maxTokenRun,
        double maxDuplicateLineShare,
        double maxTop2gramShare,
        double maxTop3gramShare,
        double maxTop4gramShare,
        double nearDuplicateThreshold,
        int permutations,
        int shingleSize,
        long minhashSeed,
        boolean exactJaccardRecheck,
        int maxCandidates,
        double instructionRougeLThreshold,
        int instructionPermutations,
        double semanticThreshold,
        int annThreshold) {

    /** Self-Instruct's words for inputs or outputs a text-only model cannot handle (Wang et al. 2022). */
    public static final List<String> SELF_INSTRUCT_MODALITIES = List.of("image", "images", "graph", "graphs",
            "picture", "pictures", "file", "files", "map", "maps", "draw", "plot", "go to", "video", "audio", "music",
            "flowchart", "diagram");

    /** Markers that Evol-Instruct-style and chat templates leave behind when a generator echoes its prompt. */
    public static final List<String> TEMPLATE_MARKERS = List.of("#rewritten prompt#", "#given prompt#",
            "#created prompt#", "#the given prompt#", "#new prompt#", "#original prompt#", "rewritten prompt:",
            "given prompt:", "### instruction:", "### response:", "### input:", "<|im_start|>", "<|im_end|>",
            "<|endoftext|>", "<|assistant|>", "<|user|>", "<|system|>", "[inst]", "[/inst]", "<<sys>>");

    /** Refusal boilerplate of instruction-tuned models. */
    public static final List<String> REFUSAL_PHRASES = List.of("as an ai language model", "as an ai assistant",
            "as a large language model", "as an ai developed by", "i'm sorry, but i can't", "i'm sorry, but i cannot",
            "i am sorry, but i cannot", "i cannot fulfill", "i can't fulfill", "i cannot assist with",
            "i can't assist with", "i cannot help with", "i can't help with", "i'm unable to provide",
            "i am unable to provide", "i cannot provide", "i'm not able to provide", "it is not appropriate for me",
            "i do not have personal opinions", "i don't have personal opinions");

    /** The defaults: every stage on; thresholds from Gopher, Self-Instruct and the curator's earlier rules. */
    public static final CurationConfig DEFAULTS = new CurationConfig(true, true, true, true, true, true, true, true,
            true, true, 3, 300, 3, 150, SELF_INSTRUCT_MODALITIES, TEMPLATE_MARKERS, REFUSAL_PHRASES, 0.25, 0.3, 5,
            0.3, 0.20, 0.18, 0.16, 0.8, 128, 5, 20241126L, true, 256, 0.7, 32, 0.92, 20_000);

    /** Validates every value; the message names the offending field. */
    public CurationConfig {
        require(minWords >= 1 && minWords <= maxWords, "need 1 <= minWords <= maxWords, were " + minWords + ", " + maxWords);
        require(instructionMinWords >= 0 && instructionMinWords <= instructionMaxWords,
                "need 0 <= instructionMinWords <= instructionMaxWords, were " + instructionMinWords + ", " + instructionMaxWords);
        unsupportedModalityWords = List.copyOf(notNull(unsupportedModalityWords, "unsupportedModalityWords"));
        templateMarkers = List.copyOf(notNull(templateMarkers, "templateMarkers"));
        refusalPhrases = List.copyOf(notNull(refusalPhrases, "refusalPhrases"));
        share(maxNonAlphabeticShare, "maxNonAlphabeticShare");
        share(maxRepeatedNgramShare, "maxRepeatedNgramShare");
        require(maxTokenRun >= 2, "maxTokenRun must be >= 2, was " + maxTokenRun);
        share(maxDuplicateLineShare, "maxDuplicateLineShare");
        share(maxTop2gramShare, "maxTop2gramShare");
        share(maxTop3gramShare, "maxTop3gramShare");
        share(maxTop4gramShare, "maxTop4gramShare");
        share(nearDuplicateThreshold, "nearDuplicateThreshold");
        require(permutations >= 16 && permutations <= 1024, "permutations must be in [16, 1024], was " + permutations);
        require(shingleSize >= 1 && shingleSize <= 32, "shingleSize must be in [1, 32], was " + shingleSize);
        require(maxCandidates >= 1, "maxCandidates must be >= 1, was " + maxCandidates);
        share(instructionRougeLThreshold, "instructionRougeLThreshold");
        require(instructionPermutations >= 8 && instructionPermutations <= 256,
                "instructionPermutations must be in [8, 256], was " + instructionPermutations);
        require(semanticThreshold > 0 && semanticThreshold <= 1,
                "semanticThreshold must be in (0, 1], was " + semanticThreshold);
        require(annThreshold >= 0, "annThreshold must be >= 0, was " + annThreshold);
    }

    /** The defaults with the limits of the original {@link CurationThresholds}. */
    public static CurationConfig of(CurationThresholds thresholds) {
        return DEFAULTS.toBuilder().nearDuplicateThreshold(thresholds.nearDuplicateThreshold())
                .minWords(thresholds.minWords()).maxWords(thresholds.maxWords())
                .maxRepeatedNgramShare(thresholds.maxRepeatedNgramShare()).build();
    }

    /** This configuration with a generation plan's thresholds (near-duplicate threshold and output length). */
    public CurationConfig withPlan(double nearDuplicate, int minOutputWords, int maxOutputWords) {
        return toBuilder().nearDuplicateThreshold(nearDuplicate).minWords(minOutputWords).maxWords(maxOutputWords).build();
    }

    /** Whether two configurations hash and index texts the same way (else novelty state must be rebuilt). */
    public boolean sameHashing(CurationConfig other) {
        return permutations == other.permutations && shingleSize == other.shingleSize
                && minhashSeed == other.minhashSeed && instructionPermutations == other.instructionPermutations
                && exactJaccardRecheck == other.exactJaccardRecheck
                && instructionRougeLThreshold == other.instructionRougeLThreshold && annThreshold == other.annThreshold;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void share(double value, String name) {
        require(value > 0 && value <= 1, name + " must be in (0, 1], was " + value);
    }

    private static <T> T notNull(T value, String name) {
        require(value != null, name + " is required");
        return value;
    }

    /** Mutable copy for changing a few values; {@link #build()} validates. */
    public static final class Builder {
        private boolean lengthEnabled, instructionEnabled, templateLeakEnabled, refusalEnabled, nonAlphabeticEnabled,
                repetitionEnabled, exactDuplicateEnabled, nearDuplicateEnabled, instructionNoveltyEnabled, semanticEnabled;
        private int minWords, maxWords, instructionMinWords, instructionMaxWords;
        private List<String> unsupportedModalityWords, templateMarkers, refusalPhrases;
        private double maxNonAlphabeticShare, maxRepeatedNgramShare;
        private int maxTokenRun;
        private double maxDuplicateLineShare, maxTop2gramShare, maxTop3gramShare, maxTop4gramShare, nearDuplicateThreshold;
        private int permutations, shingleSize;
        private long minhashSeed;
        private boolean exactJaccardRecheck;
        private int maxCandidates;
        private double instructionRougeLThreshold;
        private int instructionPermutations;
        private double semanticThreshold;
        private int annThreshold;

        private Builder(CurationConfig c) {
            lengthEnabled = c.lengthEnabled;
            instructionEnabled = c.instructionEnabled;
            templateLeakEnabled = c.templateLeakEnabled;
            refusalEnabled = c.refusalEnabled;
            nonAlphabeticEnabled = c.nonAlphabeticEnabled;
            repetitionEnabled = c.repetitionEnabled;
            exactDuplicateEnabled = c.exactDuplicateEnabled;
            nearDuplicateEnabled = c.nearDuplicateEnabled;
            instructionNoveltyEnabled = c.instructionNoveltyEnabled;
            semanticEnabled = c.semanticEnabled;
            minWords = c.minWords;
            maxWords = c.maxWords;
            instructionMinWords = c.instructionMinWords;
            instructionMaxWords = c.instructionMaxWords;
            unsupportedModalityWords = c.unsupportedModalityWords;
            templateMarkers = c.templateMarkers;
            refusalPhrases = c.refusalPhrases;
            maxNonAlphabeticShare = c.maxNonAlphabeticShare;
            maxRepeatedNgramShare = c.maxRepeatedNgramShare;
            maxTokenRun = c.maxTokenRun;
            maxDuplicateLineShare = c.maxDuplicateLineShare;
            maxTop2gramShare = c.maxTop2gramShare;
            maxTop3gramShare = c.maxTop3gramShare;
            maxTop4gramShare = c.maxTop4gramShare;
            nearDuplicateThreshold = c.nearDuplicateThreshold;
            permutations = c.permutations;
            shingleSize = c.shingleSize;
            minhashSeed = c.minhashSeed;
            exactJaccardRecheck = c.exactJaccardRecheck;
            maxCandidates = c.maxCandidates;
            instructionRougeLThreshold = c.instructionRougeLThreshold;
            instructionPermutations = c.instructionPermutations;
            semanticThreshold = c.semanticThreshold;
            annThreshold = c.annThreshold;
        }

        public Builder lengthEnabled(boolean v) { lengthEnabled = v; return this; }
        public Builder instructionEnabled(boolean v) { instructionEnabled = v; return this; }
        public Builder templateLeakEnabled(boolean v) { templateLeakEnabled = v; return this; }
        public Builder refusalEnabled(boolean v) { refusalEnabled = v; return this; }
        public Builder nonAlphabeticEnabled(boolean v) { nonAlphabeticEnabled = v; return this; }
        public Builder repetitionEnabled(boolean v) { repetitionEnabled = v; return this; }
        public Builder exactDuplicateEnabled(boolean v) { exactDuplicateEnabled = v; return this; }
        public Builder nearDuplicateEnabled(boolean v) { nearDuplicateEnabled = v; return this; }
        public Builder instructionNoveltyEnabled(boolean v) { instructionNoveltyEnabled = v; return this; }
        public Builder semanticEnabled(boolean v) { semanticEnabled = v; return this; }
        public Builder minWords(int v) { minWords = v; return this; }
        public Builder maxWords(int v) { maxWords = v; return this; }
        public Builder instructionMinWords(int v) { instructionMinWords = v; return this; }
        public Builder instructionMaxWords(int v) { instructionMaxWords = v; return this; }
        public Builder unsupportedModalityWords(List<String> v) { unsupportedModalityWords = v; return this; }
        public Builder templateMarkers(List<String> v) { templateMarkers = v; return this; }
        public Builder refusalPhrases(List<String> v) { refusalPhrases = v; return this; }
        public Builder maxNonAlphabeticShare(double v) { maxNonAlphabeticShare = v; return this; }
        public Builder maxRepeatedNgramShare(double v) { maxRepeatedNgramShare = v; return this; }
        public Builder maxTokenRun(int v) { maxTokenRun = v; return this; }
        public Builder maxDuplicateLineShare(double v) { maxDuplicateLineShare = v; return this; }
        public Builder maxTop2gramShare(double v) { maxTop2gramShare = v; return this; }
        public Builder maxTop3gramShare(double v) { maxTop3gramShare = v; return this; }
        public Builder maxTop4gramShare(double v) { maxTop4gramShare = v; return this; }
        public Builder nearDuplicateThreshold(double v) { nearDuplicateThreshold = v; return this; }
        public Builder permutations(int v) { permutations = v; return this; }
        public Builder shingleSize(int v) { shingleSize = v; return this; }
        public Builder minhashSeed(long v) { minhashSeed = v; return this; }
        public Builder exactJaccardRecheck(boolean v) { exactJaccardRecheck = v; return this; }
        public Builder maxCandidates(int v) { maxCandidates = v; return this; }
        public Builder instructionRougeLThreshold(double v) { instructionRougeLThreshold = v; return this; }
        public Builder instructionPermutations(int v) { instructionPermutations = v; return this; }
        public Builder semanticThreshold(double v) { semanticThreshold = v; return this; }
        public Builder annThreshold(int v) { annThreshold = v; return this; }

        public CurationConfig build() {
            return new CurationConfig(lengthEnabled, instructionEnabled, templateLeakEnabled, refusalEnabled,
                    nonAlphabeticEnabled, repetitionEnabled, exactDuplicateEnabled, nearDuplicateEnabled,
                    instructionNoveltyEnabled, semanticEnabled, minWords, maxWords, instructionMinWords,
                    instructionMaxWords, unsupportedModalityWords, templateMarkers, refusalPhrases,
                    maxNonAlphabeticShare, maxRepeatedNgramShare, maxTokenRun, maxDuplicateLineShare, maxTop2gramShare,
                    maxTop3gramShare, maxTop4gramShare, nearDuplicateThreshold, permutations, shingleSize, minhashSeed,
                    exactJaccardRecheck, maxCandidates, instructionRougeLThreshold, instructionPermutations,
                    semanticThreshold, annThreshold);
        }
    }
}
