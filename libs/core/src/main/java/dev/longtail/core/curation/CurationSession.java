package dev.longtail.core.curation;

import dev.longtail.core.dedup.LshParameters;
import dev.longtail.core.dedup.MinHasher;
import dev.longtail.core.dedup.NearDuplicate;
import dev.longtail.core.dedup.NearDuplicateIndex;
import dev.longtail.core.dedup.TextFingerprint;
import dev.longtail.core.text.NGrams;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The novelty state of one campaign: every accepted sample's fingerprint and MinHash signature, and the
 * decision procedure that holds a new sample against them.
 *
 * <p>Stages run from cheap to expensive and the first failing stage decides: length (word count of the
 * output), repetition (degenerate text, the early sign of collapse: Shumailov et al., Nature 2024; Holtzman
 * et al. 2020 on neural text degeneration), exact duplicate (normalised SHA-256 fingerprint of instruction
 * and output), near duplicate (MinHash-LSH over the tokens of instruction and output; Broder 1997).
 *
 * <p>LSH banding depends on the threshold, and plans may change the threshold between generations. The
 * session keeps every accepted signature once and builds one {@link NearDuplicateIndex} per distinct
 * threshold value on first use (from the stored signatures), so each threshold is served by the banding
 * tuned for it; signatures are shared, only bucket maps are per threshold. Not thread-safe: callers
 * serialise the decisions of one campaign, which they must anyway since each decision depends on the
 * previous ones.
 */
public final class CurationSession {

    /** A single token repeated this many times in a row makes a text degenerate, whatever its length. */
    public static final int MAX_TOKEN_RUN = 5;

    private final MinHasher hasher;
    private final Set<String> fingerprints = new HashSet<>();
    private final Set<String> sampleIds = new HashSet<>();
    private final List<String> acceptedIds = new ArrayList<>();
    private final List<int[]> acceptedSignatures = new ArrayList<>();
    private final Map<Double, NearDuplicateIndex> indexesByThreshold = new HashMap<>();

    /** A session with no accepted samples; MinHash uses {@code permutations} hashes of word k-shingles. */
    public CurationSession(int permutations, int shingleSize, long seed) {
        this.hasher = new MinHasher(permutations, shingleSize, seed);
    }

    /** Decides one sample and, on acceptance, remembers it. */
    public Decision decide(String sampleId, String instruction, String output, CurationThresholds thresholds) {
        List<String> outputTokens = Tokenizer.tokenize(output);
        int words = countWords(outputTokens);
        if (words < thresholds.minWords()) {
            return Decision.rejected(RejectionReason.TOO_SHORT, Decision.STAGE_LENGTH, words, thresholds.minWords());
        }
        if (words > thresholds.maxWords()) {
            return Decision.rejected(RejectionReason.TOO_LONG, Decision.STAGE_LENGTH, words, thresholds.maxWords());
        }
        int run = longestTokenRun(outputTokens);
        if (run >= MAX_TOKEN_RUN) {
            // score and threshold are a run length here, not a share: the reason says which check fired
            return Decision.rejected(RejectionReason.DEGENERATE, Decision.STAGE_REPETITION, run, MAX_TOKEN_RUN);
        }
        double repeated = repeatedTrigramShare(outputTokens);
        if (repeated > thresholds.maxRepeatedNgramShare()) {
            return Decision.rejected(RejectionReason.DEGENERATE, Decision.STAGE_REPETITION, repeated,
                    thresholds.maxRepeatedNgramShare());
        }
        String fingerprint = fingerprint(instruction, output);
        if (fingerprints.contains(fingerprint)) {
            return Decision.rejected(RejectionReason.EXACT_DUPLICATE, Decision.STAGE_EXACT_DUPLICATE, 1.0, 1.0);
        }
        int[] signature = hasher.signature(noveltyTokens(instruction, outputTokens));
        double threshold = thresholds.nearDuplicateThreshold();
        Optional<NearDuplicate> closest = index(threshold).bestCandidate(signature);
        double similarity = closest.map(NearDuplicate::jaccard).orElse(0.0);
        if (similarity >= threshold) {
            return Decision.rejected(RejectionReason.NEAR_DUPLICATE, Decision.STAGE_NEAR_DUPLICATE, similarity, threshold);
        }
        store(sampleId, fingerprint, signature);
        return Decision.accepted(similarity, threshold);
    }

    /**
     * Adds a sample accepted earlier (rebuilding the state after a restart) without judging it; a sample
     * id already known is ignored, so replaying the same rows is harmless.
     */
    public void remember(String sampleId, String instruction, String output) {
        if (sampleIds.contains(sampleId)) {
            return;
        }
        List<String> outputTokens = Tokenizer.tokenize(output);
        store(sampleId, fingerprint(instruction, output), hasher.signature(noveltyTokens(instruction, outputTokens)));
    }

    /** Number of accepted (or remembered) samples. */
    public int acceptedCount() {
        return acceptedIds.size();
    }

    /**
     * Share of the text's word trigrams that repeat an earlier trigram of the same text (0 when it has
     * none); punctuation is ignored so that list-like text is not penalised for its commas.
     */
    public static double repeatedTrigramShare(List<String> tokens) {
        List<String> words = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (Tokenizer.isWord(token)) {
                words.add(token);
            }
        }
        List<String> trigrams = NGrams.of(words, 3);
        if (trigrams.isEmpty()) {
            return 0.0;
        }
        Set<String> seen = new HashSet<>();
        int repeats = 0;
        for (String trigram : trigrams) {
            if (!seen.add(trigram)) {
                repeats++;
            }
        }
        return (double) repeats / trigrams.size();
    }

    /** The longest run of one token repeated back to back (punctuation included: "! ! ! ! !" is degenerate). */
    public static int longestTokenRun(List<String> tokens) {
        int longest = 0;
        int run = 0;
        String previous = null;
        for (String token : tokens) {
            run = token.equals(previous) ? run + 1 : 1;
            previous = token;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private void store(String sampleId, String fingerprint, int[] signature) {
        sampleIds.add(sampleId);
        fingerprints.add(fingerprint);
        acceptedIds.add(sampleId);
        acceptedSignatures.add(signature);
        for (NearDuplicateIndex index : indexesByThreshold.values()) {
            index.add(sampleId, signature);
        }
    }

    private NearDuplicateIndex index(double threshold) {
        return indexesByThreshold.computeIfAbsent(threshold, t -> {
            NearDuplicateIndex index = new NearDuplicateIndex(hasher, LshParameters.forThreshold(hasher.permutations(), t));
            for (int i = 0; i < acceptedIds.size(); i++) {
                index.add(acceptedIds.get(i), acceptedSignatures.get(i));
            }
            return index;
        });
    }

    private static String fingerprint(String instruction, String output) {
        return TextFingerprint.of(nullToEmpty(instruction) + "\n" + nullToEmpty(output));
    }

    private static List<String> noveltyTokens(String instruction, List<String> outputTokens) {
        List<String> tokens = new ArrayList<>(Tokenizer.tokenize(instruction));
        tokens.addAll(outputTokens);
        return tokens;
    }

    private static int countWords(List<String> tokens) {
        int words = 0;
        for (String token : tokens) {
            if (Tokenizer.isWord(token)) {
                words++;
            }
        }
        return words;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
