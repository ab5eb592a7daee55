package dev.longtail.core.selection;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.VersionBudget;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link AnchorPolicy#TAIL_PRESERVING} policy for a dataset version of records (instruction, input,
 * output): the curator's accepted samples of a generation, and the previous version's synthetic records when the
 * arm carries some over, compete for a token budget under {@link TailPreservingCuration}'s objective (the
 * reference's n-gram profile, strata of real record length), whole records as units, and the anchors are the
 * reference records that hold most of what the chosen samples still lack. The same selection code as the collapse
 * benchmark's {@code longtail} regime, with records instead of sentences as units (a record cannot be cut and
 * re-packed).
 */
public final class TailPreservingVersion {

    /**
     * Record units, trigram profile, smoothing 0.02, no bonus or penalty for n-grams the reference lacks (a small
     * seed reference attests few of a good record's n-grams, so a bonus would reward junk), 10 length strata,
     * word 5-gram copies at Jaccard 0.8; the carry-over cap comes from the version's budget.
     */
    public static final SelectionSettings RECORDS = SelectionSettings.LINES_FRESH;

    private TailPreservingVersion() {
    }

    /**
     * The composed version: the accepted samples kept, the carried records kept, the anchors (each in input order),
     * the accepted samples left out and why, and the tokens of each part ({@code syntheticTokens} counts the fresh and
     * the carried records).
     */
    public record Composition<T>(List<T> fresh, List<T> carried, List<T> anchors, Map<String, Integer> leftOut,
                                 long syntheticTokens, long carriedTokens, long anchorTokens) {

        /** Copies the lists so a composition cannot change after it is made. */
        public Composition {
            fresh = List.copyOf(fresh);
            carried = List.copyOf(carried);
            anchors = List.copyOf(anchors);
            leftOut = Map.copyOf(leftOut);
        }

        /** Synthetic records (fresh, then carried) and anchors. */
        public AnchorPolicy.Mix<T> mix() {
            List<T> synthetic = new ArrayList<>(fresh);
            synthetic.addAll(carried);
            return new AnchorPolicy.Mix<>(synthetic, anchors);
        }
    }

    /**
     * Chooses the version's synthetic records and anchors.
     *
     * <p>The synthetic budget S is {@code keepShare} of the accepted samples' tokens (but at least the shortest
     * sample: a version the next generation trains on is never empty while there are accepted samples); with a fixed
     * token budget B, S is at most B − ⌊anchorRatio · B⌋. Carried records compete with the accepted samples for S
     * and may fill at most {@code carryOver} · S of it (the benchmark's carry-over). Anchors then fill up to
     * {@code anchorRatio} of the version, so a version holds at most S / (1 − anchorRatio) tokens, never more than B.
     *
     * @param accepted  this generation's accepted samples
     * @param carried   the previous version's synthetic records (read only when the budget carries some over)
     * @param reference the campaign's real reference records (the anchor pool, and the profile to keep)
     * @param text      a record's full text (instruction, input and output)
     */
    public static <T> Composition<T> compose(List<T> accepted, List<T> carried, List<T> reference,
                                             Function<T, String> text, VersionBudget budget,
                                             SelectionSettings settings) {
        List<List<String>> referenceTokens = tokens(reference, text);
        List<List<String>> fresh = tokens(accepted, text);
        long syntheticBudget = syntheticBudget(fresh, budget);
        if (referenceTokens.stream().allMatch(List::isEmpty)) {
            return unselected(accepted, fresh, budget);
        }
        List<List<String>> previous = budget.carryOver() > 0 ? tokens(carried, text) : List.of();
        long versionBudget = (long) Math.floor(syntheticBudget / (1 - budget.anchorRatio()));
        if (budget.tokenBudget().isPresent()) {
            versionBudget = Math.min(versionBudget, budget.tokenBudget().getAsLong());
        }
        var selection = new TailPreservingCuration(referenceTokens, settings.withMaxCarriedShare(budget.carryOver()))
                .selectLines(fresh, previous, versionBudget, budget.anchorRatio());
        return new Composition<>(pick(accepted, selection.fresh()), pick(carried, selection.carried()),
                pick(reference, selection.anchors()), selection.leftOut(), selection.syntheticTokens(),
                selection.carriedTokens(), selection.anchorTokens());
    }

    /** S: keepShare of the accepted tokens, at least the shortest sample, at most a fixed budget's synthetic part. */
    private static long syntheticBudget(List<List<String>> fresh, VersionBudget budget) {
        long acceptedTokens = fresh.stream().mapToLong(List::size).sum();
        long shortest = fresh.stream().mapToLong(List::size).filter(n -> n > 0).min().orElse(0);
        long share = Math.max(shortest, (long) Math.ceil(budget.keepShare() * acceptedTokens));
        if (budget.tokenBudget().isEmpty()) {
            return share;
        }
        long b = budget.tokenBudget().getAsLong();
        return Math.min(share, b - budget.anchorCap(b));
    }

    /**
     * Nothing to select against (a reference without tokens): every accepted sample, in input order while it fits a
     * fixed budget if there is one; no anchors, nothing carried.
     */
    private static <T> Composition<T> unselected(List<T> accepted, List<List<String>> fresh, VersionBudget budget) {
        long limit = budget.tokenBudget().orElse(Long.MAX_VALUE);
        List<T> kept = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < accepted.size(); i++) {
            if (tokens + fresh.get(i).size() <= limit) {
                tokens += fresh.get(i).size();
                kept.add(accepted.get(i));
            }
        }
        int left = accepted.size() - kept.size();
        return new Composition<>(kept, List.of(), List.of(),
                left == 0 ? Map.of() : Map.of(TailPreservingCuration.NOT_SELECTED, left), tokens, 0, 0);
    }

    private static <T> List<T> pick(List<T> records, int[] indexes) {
        List<T> picked = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            picked.add(records.get(i));
        }
        return picked;
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
