package dev.longtail.core.selection;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first step of {@link TailPreservingCuration#curate}: the candidates that keep enough attested sentences,
 * copy no real line and pass the curator's filter chain (novelty also against the previous generation's synthetic
 * lines), followed by the previous generation's lines that may be carried over.
 */
final class CandidateScreening {

    /** The screened pool in generation order (fresh lines, then carried ones) and the candidates' tokens. */
    record Pool(List<List<String>> lines, int firstCarried, long candidateTokens) {
    }

    private final ReferenceProfile profile;
    private final SelectionSettings settings;

    CandidateScreening(ReferenceProfile profile, SelectionSettings settings) {
        this.profile = profile;
        this.settings = settings;
    }

    /** Screens one generation's candidates, counting every rejection by reason in {@code rejections}. */
    Pool screen(List<List<String>> candidates, List<List<String>> previousSynthetic, double nearDuplicateThreshold,
                long seed, Map<String, Integer> rejections) {
        long candidateTokens = 0;
        CurationConfig filters = filters(nearDuplicateThreshold, seed);
        CurationPipeline pipeline = new CurationPipeline(filters);
        List<CurationSample> previous = new ArrayList<>(previousSynthetic.size());
        for (int i = 0; i < previousSynthetic.size(); i++) {
            String text = Tokenizer.detokenize(previousSynthetic.get(i));
            previous.add(new CurationSample("previous-" + i, null, null, text));
        }
        pipeline.remember(previous, false);
        List<List<String>> survivors = new ArrayList<>();
        List<CurationSample> batch = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<String> generated = candidates.get(i);
            candidateTokens += generated.size();
            List<String> candidate = settings.minAttestedShare() > 0
                    ? SentenceUnits.attested(generated, profile, settings.minAttestedShare(), rejections)
                    : generated;
            if (candidate.isEmpty() && !generated.isEmpty()) {
                rejections.merge(TailPreservingCuration.UNATTESTED, 1, Integer::sum);
                continue;
            }
            if (!candidate.isEmpty() && profile.copies().copiesReference(candidate)) {
                rejections.merge(TailPreservingCuration.COPIES_REFERENCE, 1, Integer::sum);
                continue;
            }
            survivors.add(candidate);
            batch.add(new CurationSample("candidate-" + i, null, null, Tokenizer.detokenize(candidate)));
        }
        List<List<String>> pool = new ArrayList<>();
        List<SampleVerdict> verdicts = pipeline.curate(batch, filters);
        for (int i = 0; i < verdicts.size(); i++) {
            SampleVerdict verdict = verdicts.get(i);
            if (verdict.accepted()) {
                pool.add(survivors.get(i));
            } else {
                rejections.merge(verdict.decision().reason().name(), 1, Integer::sum);
            }
        }
        // carry-over: the previous set's synthetic lines compete again, after the fresh ones (generation order)
        int firstCarried = pool.size();
        if (settings.maxCarriedShare() > 0) {
            for (List<String> kept : previousSynthetic) {
                candidateTokens += kept.size();
                if (!kept.isEmpty() && !profile.copies().copiesReference(kept)) {
                    pool.add(kept);
                }
            }
        }
        return new Pool(pool, firstCarried, candidateTokens);
    }

    /**
     * The curator's filter chain as the policy runs it on unprompted lines: the curator's defaults with the
     * instruction stages off (there is no instruction), no semantic stage (no embedder), output length bounds
     * from the reference's lines, and the plan's near-duplicate threshold; the shingle size and repetition cap
     * come from the selection settings.
     */
    CurationConfig filters(double nearDuplicateThreshold, long seed) {
        return CurationConfig.DEFAULTS.toBuilder()
                .instructionEnabled(false).instructionNoveltyEnabled(false).semanticEnabled(false)
                .minWords(profile.minWords()).maxWords(profile.maxWords())
                .maxRepeatedNgramShare(settings.maxRepeatedNgramShare())
                .shingleSize(settings.shingleSize())
                .nearDuplicateThreshold(nearDuplicateThreshold)
                .minhashSeed(seed)
                .build();
    }
}
