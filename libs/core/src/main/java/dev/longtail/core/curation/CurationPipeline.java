package dev.longtail.core.curation;

import dev.longtail.core.dedup.Fingerprint;
import dev.longtail.core.dedup.LshIndex;
import dev.longtail.core.dedup.RougeL;
import dev.longtail.core.dedup.ShingleMinHasher;
import dev.longtail.core.dedup.VectorIndex;
import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The curation filter chain with the novelty state of one campaign (or one request): every stage of
 * {@link CurationConfig}, cheap to expensive, the first failing stage deciding, each decision with stage, score and
 * threshold.
 *
 * <p>A batch is decided in three phases. (1) Per-sample features and the stateless quality stages, in parallel for
 * large batches. (2) In order: exact, near and instruction duplicates against the accepted history and the
 * earlier survivors of the same batch. (3) The survivors are embedded in one call (the model is the cost, and it is
 * fastest on batches) and checked in order against accepted embeddings and earlier survivors. {@link #curate}
 * then remembers the accepted samples; {@link #check} leaves the state as it was, so that an outside batch can be
 * judged in a campaign's context without joining it. A sample that duplicates an earlier survivor of its batch is
 * rejected even if that survivor later fails the semantic stage: it is then close to an accepted sample too.
 *
 * <p>Hashing settings (permutations, shingle size, seed, re-check) are fixed per pipeline; thresholds and stage
 * switches come with each call. Not thread-safe: callers serialise the calls on one pipeline.
 */
public final class CurationPipeline {

    public static final String STAGE_INSTRUCTION_NOVELTY = "instruction-novelty";
    public static final String STAGE_SEMANTIC_DUPLICATE = "semantic-duplicate";
    /** Batches at least this large compute features on all cores. */
    static final int PARALLEL_BATCH = 64;

    private final CurationConfig hashing;
    private final ShingleMinHasher textHasher;
    private final ShingleMinHasher instructionHasher;
    private final TextEmbedder embedder;
    private final IntFunction<VectorIndex> annFactory;
    private final NoveltyState state;

    /** A pipeline without embeddings: the semantic stage is skipped. */
    public CurationPipeline(CurationConfig hashing) {
        this(hashing, null, null);
    }

    /**
     * A pipeline whose semantic stage uses {@code embedder} (may be null) and, past {@code annThreshold} accepted
     * samples, an ANN index from {@code annFactory} (may be null: exact search throughout).
     */
    public CurationPipeline(CurationConfig hashing, TextEmbedder embedder, IntFunction<VectorIndex> annFactory) {
        this.hashing = hashing;
        this.textHasher = new ShingleMinHasher(hashing.permutations(), hashing.shingleSize(), hashing.minhashSeed());
        this.instructionHasher = new ShingleMinHasher(hashing.instructionPermutations(), 1, hashing.minhashSeed() * 31 + 7);
        this.embedder = embedder;
        this.annFactory = annFactory;
        this.state = newState();
    }

    /** Decides a batch and remembers the accepted samples. */
    public List<SampleVerdict> curate(List<CurationSample> batch, CurationConfig config) {
        return run(batch, config, true);
    }

    /** Decides one sample and remembers it if accepted. */
    public SampleVerdict curate(CurationSample sample, CurationConfig config) {
        return run(List.of(sample), config, true).get(0);
    }

    /** Decides a batch against the history without changing it. */
    public List<SampleVerdict> check(List<CurationSample> batch, CurationConfig config) {
        return run(batch, config, false);
    }

    /**
     * Adds samples accepted earlier (rebuilding after a restart) without judging them; with {@code embed} and an
     * embedder, their embeddings are computed too, so the semantic stage sees them.
     */
    public void remember(List<CurationSample> accepted, boolean embed) {
        List<Features> features = features(accepted, hashing.toBuilder().lengthEnabled(false).instructionEnabled(false)
                .templateLeakEnabled(false).refusalEnabled(false).nonAlphabeticEnabled(false).repetitionEnabled(false)
                .build());
        List<float[]> vectors = embed && embedder != null
                ? embedder.embedAll(accepted.stream().map(CurationSample::fullText).toList()) : null;
        for (int i = 0; i < accepted.size(); i++) {
            state.add(accepted.get(i).id(), features.get(i), vectors == null ? null : vectors.get(i));
        }
    }

    /** Number of accepted (or remembered) samples. */
    public int acceptedCount() {
        return state.size();
    }

    /** Number of accepted samples whose embeddings the semantic stage holds. */
    public int embeddedCount() {
        return state.embeddedCount();
    }

    /** The hashing settings this pipeline was built with. */
    public CurationConfig hashing() {
        return hashing;
    }

    /** Whether the pipeline can run the semantic stage. */
    public boolean hasEmbedder() {
        return embedder != null;
    }

    /** Bytes held by the novelty state, by part (ids, fingerprints, MinHash-LSH, instructions, embeddings). */
    public Map<String, Long> memoryBytes() {
        return new TreeMap<>(state.memory());
    }

    /** Runs the stateless stages and computes the novelty features of one sample (public for benchmarks). */
    public Features features(CurationSample sample, CurationConfig c) {
        Features f = new Features(sample);
        String instruction = sample.instruction() == null ? "" : sample.instruction();
        String input = sample.input() == null ? "" : sample.input();
        String output = sample.output() == null ? "" : sample.output();
        List<String> outputTokens = Tokenizer.tokenize(output);
        List<String> outputWords = QualityRules.words(outputTokens);
        List<String> instructionWords = QualityRules.words(Tokenizer.tokenize(instruction));
        List<String> inputWords = QualityRules.words(Tokenizer.tokenize(input));
        long[] outputHashes = ShingleMinHasher.tokenHashes(outputWords);

        if (c.lengthEnabled()) {
            f.rejection = QualityRules.length(outputWords.size(), c);
        }
        if (f.rejection == null && c.instructionEnabled()) {
            f.rejection = QualityRules.instruction(instruction, instructionWords, c);
        }
        String lowerOutput = c.templateLeakEnabled() || c.refusalEnabled() ? output.toLowerCase(Locale.ROOT) : "";
        if (f.rejection == null && c.templateLeakEnabled()) {
            f.rejection = QualityRules.templateLeak(lowerOutput, c);
            if (f.rejection == null && !(instruction.isEmpty() && input.isEmpty())) {
                f.rejection = QualityRules.templateLeak((instruction + "\n" + input).toLowerCase(Locale.ROOT), c);
            }
        }
        if (f.rejection == null && c.refusalEnabled()) {
            f.rejection = QualityRules.refusal(lowerOutput, c);
        }
        if (f.rejection == null && c.nonAlphabeticEnabled()) {
            f.rejection = QualityRules.nonAlphabetic(output, c);
        }
        if (f.rejection == null && c.repetitionEnabled()) {
            f.rejection = QualityRules.repetition(output, outputTokens, outputWords, outputHashes, c);
        }
        if (f.rejection != null) {
            return f;
        }
        f.fingerprint = Fingerprint.of(sample.fullText());
        long[] instructionHashes = ShingleMinHasher.tokenHashes(instructionWords);
        long[] inputHashes = ShingleMinHasher.tokenHashes(inputWords);
        long[] all = new long[instructionHashes.length + inputHashes.length + outputHashes.length];
        System.arraycopy(instructionHashes, 0, all, 0, instructionHashes.length);
        System.arraycopy(inputHashes, 0, all, instructionHashes.length, inputHashes.length);
        System.arraycopy(outputHashes, 0, all, instructionHashes.length + inputHashes.length, outputHashes.length);
        long[] shingles = textHasher.shingleHashes(all);
        f.signature = textHasher.signature(shingles);
        f.reducedSignature = LshIndex.reduce(f.signature);
        f.emptyText = ShingleMinHasher.isEmpty(f.signature);
        if (hashing.exactJaccardRecheck()) {
            f.shingleSet = ShingleMinHasher.narrow16(textHasher.shingleSet(all));
        }
        f.instructionWords = new int[instructionHashes.length];
        for (int i = 0; i < instructionHashes.length; i++) {
            f.instructionWords[i] = (int) (instructionHashes[i] ^ (instructionHashes[i] >>> 32));
        }
        f.instructionSignature = instructionHasher.signature(instructionHashes);
        f.reducedInstruction = LshIndex.reduce(f.instructionSignature);
        return f;
    }

    private List<Features> features(List<CurationSample> batch, CurationConfig config) {
        if (!config.sameHashing(hashing)) {
            throw new IllegalArgumentException("the configuration hashes texts differently from this pipeline's "
                    + "(permutations, shingle size, seed, instruction LSH or re-check changed): build a new pipeline");
        }
        IntStream indexes = IntStream.range(0, batch.size());
        if (batch.size() >= PARALLEL_BATCH) {
            indexes = indexes.parallel();
        }
        Features[] out = new Features[batch.size()];
        indexes.forEach(i -> out[i] = features(batch.get(i), config));
        return List.of(out);
    }

    private List<SampleVerdict> run(List<CurationSample> batch, CurationConfig config, boolean commit) {
        List<Features> features = features(batch, config);
        NoveltyState overlay = newState();
        SampleVerdict[] verdicts = new SampleVerdict[batch.size()];
        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Features f = features.get(i);
            Map<String, Double> scores = new LinkedHashMap<>();
            if (f.rejection != null) {
                verdicts[i] = new SampleVerdict(f.sample.id(), f.rejection, null, scores);
                continue;
            }
            SampleVerdict verdict = lexical(f, config, overlay, scores);
            if (verdict != null) {
                verdicts[i] = verdict;
                continue;
            }
            overlay.add(f.sample.id(), f, null);
            f.scores = scores;
            survivors.add(i);
        }

        boolean semantic = config.semanticEnabled() && embedder != null && !survivors.isEmpty();
        List<float[]> vectors = semantic
                ? embedder.embedAll(survivors.stream().map(i -> batch.get(i).fullText()).toList()) : null;
        NoveltyState accepted = newState();
        List<Integer> acceptedIndexes = new ArrayList<>();
        List<float[]> acceptedVectors = new ArrayList<>();
        for (int k = 0; k < survivors.size(); k++) {
            int i = survivors.get(k);
            Features f = features.get(i);
            float[] vector = vectors == null ? null : vectors.get(k);
            if (vector != null) {
                VectorIndex.Neighbour fromHistory = state.nearestVector(vector);
                VectorIndex.Neighbour fromBatch = accepted.nearestVector(vector);
                double similarity = 0;
                String duplicateOf = null;
                if (fromHistory != null) {
                    similarity = fromHistory.similarity();
                    duplicateOf = state.id(fromHistory.position());
                }
                if (fromBatch != null && fromBatch.similarity() > similarity) {
                    similarity = fromBatch.similarity();
                    duplicateOf = accepted.id(fromBatch.position());
                }
                f.scores.put(STAGE_SEMANTIC_DUPLICATE, similarity);
                if (similarity >= config.semanticThreshold()) {
                    verdicts[i] = new SampleVerdict(f.sample.id(), Decision.rejected(RejectionReason.SEMANTIC_DUPLICATE,
                            STAGE_SEMANTIC_DUPLICATE, similarity, config.semanticThreshold()), duplicateOf, f.scores);
                    continue;
                }
            }
            accepted.add(f.sample.id(), f, vector);
            acceptedIndexes.add(i);
            acceptedVectors.add(vector);
            double near = f.scores.getOrDefault(Decision.STAGE_NEAR_DUPLICATE, 0.0);
            verdicts[i] = new SampleVerdict(f.sample.id(), Decision.accepted(near, config.nearDuplicateThreshold()),
                    null, f.scores);
        }
        if (commit) {
            for (int k = 0; k < acceptedIndexes.size(); k++) {
                int i = acceptedIndexes.get(k);
                state.add(batch.get(i).id(), features.get(i), acceptedVectors.get(k));
            }
        }
        return List.of(verdicts);
    }

    /** Exact, near and instruction duplicates against history and batch; null when the sample passes them. */
    private SampleVerdict lexical(Features f, CurationConfig c, NoveltyState overlay, Map<String, Double> scores) {
        String id = f.sample.id();
        if (c.exactDuplicateEnabled() && (state.fingerprints.contains(f.fingerprint) || overlay.fingerprints.contains(f.fingerprint))) {
            return new SampleVerdict(id, Decision.rejected(RejectionReason.EXACT_DUPLICATE, Decision.STAGE_EXACT_DUPLICATE,
                    1.0, 1.0), null, scores);
        }
        if (c.nearDuplicateEnabled() && !f.emptyText) {
            double best = 0;
            NoveltyState bestIn = null;
            int bestAt = -1;
            for (NoveltyState s : new NoveltyState[] {state, overlay}) {
                LshIndex index = s.text(c.nearDuplicateThreshold());
                for (int p : index.candidates(f.reducedSignature, c.maxCandidates())) {
                    double j = index.estimate(f.reducedSignature, p);
                    if (hashing.exactJaccardRecheck() && j >= c.nearDuplicateThreshold() - 0.15) {
                        j = ShingleMinHasher.jaccard(f.shingleSet, s.shingleSet(p));
                    }
                    if (j > best) {
                        best = j;
                        bestIn = s;
                        bestAt = p;
                    }
                }
            }
            scores.put(Decision.STAGE_NEAR_DUPLICATE, best);
            if (best >= c.nearDuplicateThreshold()) {
                return new SampleVerdict(id, Decision.rejected(RejectionReason.NEAR_DUPLICATE, Decision.STAGE_NEAR_DUPLICATE,
                        best, c.nearDuplicateThreshold()), bestIn.id(bestAt), scores);
            }
        }
        if (c.instructionNoveltyEnabled() && f.instructionWords.length > 0) {
            double best = 0;
            NoveltyState bestIn = null;
            int bestAt = -1;
            for (NoveltyState s : new NoveltyState[] {state, overlay}) {
                for (int p : s.instructions().candidates(f.reducedInstruction, c.maxCandidates())) {
                    double r = RougeL.fMeasure(f.instructionWords, s.instructionWords(p));
                    if (r > best) {
                        best = r;
                        bestIn = s;
                        bestAt = p;
                    }
                }
            }
            scores.put(STAGE_INSTRUCTION_NOVELTY, best);
            if (best >= c.instructionRougeLThreshold()) {
                return new SampleVerdict(id, Decision.rejected(RejectionReason.INSTRUCTION_NOT_NOVEL,
                        STAGE_INSTRUCTION_NOVELTY, best, c.instructionRougeLThreshold()), bestIn.id(bestAt), scores);
            }
        }
        return null;
    }

    private NoveltyState newState() {
        return new NoveltyState(hashing, embedder == null ? 1 : embedder.dimension(), annFactory);
    }

    /** What the chain computes once per sample before it consults any state. */
    public static final class Features {
        final CurationSample sample;
        Decision rejection;
        Fingerprint fingerprint;
        int[] signature;
        short[] reducedSignature;
        boolean emptyText;
        char[] shingleSet;
        short[] reducedInstruction;
        int[] instructionWords;
        int[] instructionSignature;
        Map<String, Double> scores;

        Features(CurationSample sample) {
            this.sample = sample;
        }

        /** The stateless stage's rejection, or null. */
        public Decision rejection() {
            return rejection;
        }
    }
}
