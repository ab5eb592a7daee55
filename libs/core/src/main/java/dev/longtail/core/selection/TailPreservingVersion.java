package dev.longtail.core.selection;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link AnchorPolicy#TAIL_PRESERVING} policy for a dataset version of records (instruction, input,
 * output): the curator's accepted samples of a generation compete for a token budget under
 * {@link TailPreservingCuration}'s objective (the reference's n-gram profile, strata of real record length),
 * whole records as units, and the anchors are the reference records that hold most of what the chosen
 * samples still lack. The same selection code as the collapse benchmark's {@code longtail} regime, with
 * records instead of sentences as units (a record cannot be cut and re-packed).
 */
public final class TailPreservingVersion {

    /**
     * Record units, trigram profile, smoothing 0.02, no bonus or penalty for n-grams the reference lacks (a small
     * seed reference attests few of a good record's n-grams, so a bonus would reward junk), 10 length strata,
     * word 5-gram copies at Jaccard 0.8, nothing carried over from earlier versions.
     */
    public static final SelectionSettings RECORDS = SelectionSettings.LINES_FRESH;

    private TailPreservingVersion() {
    }

    /** The composed version: chosen samples and anchors (in input order), and what was left out and why. */
    public record Composition<T>(AnchorPolicy.Mix<T> mix, Map<String, Integer> leftOut, long syntheticTokens,
                                 long anchorTokens) {
    }

    /**
     * Chooses at most {@code keepShare} of the accepted samples' tokens (but at least one sample: a version the
     * next generation trains on is never empty while there are accepted samples), then real anchors up to
     * {@code anchorRatio} of the version's tokens.
     *
     * @param accepted    this generation's accepted samples
     * @param reference   the campaign's real reference records (the anchor pool, and the profile to keep)
     * @param text        a record's full text (instruction, input and output)
     * @param anchorRatio the plan's anchor ratio, in [0, 1)
     * @param keepShare   the share of the accepted samples' tokens the version keeps, in (0, 1]
     */
    public static <T> Composition<T> compose(List<T> accepted, List<T> reference, Function<T, String> text,
                                             double anchorRatio, double keepShare, SelectionSettings settings) {
        if (!(keepShare > 0 && keepShare <= 1)) {
            throw new IllegalArgumentException("keepShare must be in (0, 1], was " + keepShare);
        }
        if (!(anchorRatio >= 0 && anchorRatio < 1)) {
            throw new IllegalArgumentException("anchorRatio must be in [0, 1), was " + anchorRatio);
        }
        List<List<String>> referenceTokens = tokens(reference, text);
        if (accepted.isEmpty() || referenceTokens.stream().allMatch(List::isEmpty)) {
            return new Composition<>(new AnchorPolicy.Mix<>(List.copyOf(accepted), List.of()), Map.of(), 0, 0);
        }
        List<List<String>> candidates = tokens(accepted, text);
        long acceptedTokens = candidates.stream().mapToLong(List::size).sum();
        // never an empty version while there are accepted samples: the next generation trains on it
        long shortest = candidates.stream().mapToLong(List::size).filter(n -> n > 0).min().orElse(0);
        long syntheticBudget = Math.max(shortest, (long) Math.ceil(keepShare * acceptedTokens));
        long tokenBudget = (long) Math.floor(syntheticBudget / (1 - anchorRatio));
        var selection = new TailPreservingCuration(referenceTokens, settings)
                .selectLines(candidates, List.of(), tokenBudget, anchorRatio);
        List<T> synthetic = new ArrayList<>(selection.fresh().length);
        for (int i : selection.fresh()) {
            synthetic.add(accepted.get(i));
        }
        List<T> anchors = new ArrayList<>(selection.anchors().length);
        for (int i : selection.anchors()) {
            anchors.add(reference.get(i));
        }
        return new Composition<>(new AnchorPolicy.Mix<>(synthetic, anchors), selection.leftOut(),
                selection.syntheticTokens(), selection.anchorTokens());
    }

    private static <T> List<List<String>> tokens(List<T> records, Function<T, String> text) {
        List<List<String>> lines = new ArrayList<>(records.size());
        for (T record : records) {
            String t = text.apply(record);
            lines.add(t == null ? List.of() : Tokenizer.tokenize(t));
        }
        return lines;
    }
}
