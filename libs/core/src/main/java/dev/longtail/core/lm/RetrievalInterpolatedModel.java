package dev.longtail.core.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kneser-Ney model that listens to the instruction: the retrieval-interpolated language model in the spirit of
 * kNN-LM (Khandelwal et al., ICLR 2020, "Generalization through Memorization: Nearest Neighbor Language Models"),
 * with the nearest records of the training version instead of the nearest hidden states:
 * <pre>
 *   p(w | h, x) = λ · p_ret(w | h; N_k(x)) + (1 − λ) · p_KN(w | h)
 * </pre>
 * where x is the prompt's instruction, N_k(x) the k training records whose instructions are nearest to it
 * ({@link InstructionIndex}: exact Jaccard of content-word sets), p_ret an interpolated Witten-Bell n-gram model of
 * those records' responses ({@link NeighbourModel}) and p_KN the Kneser-Ney model of the whole training version.
 * It stays self-consuming: both parts see only the records the model is trained on.
 *
 * <p>With λ = 0, k = 0 or no neighbour (no record shares a content word with the instruction) it is exactly the
 * Kneser-Ney model: same probabilities, same samples for the same random stream. The records must be the base
 * model's training text (their words are then in its vocabulary, so p sums to 1 over it). Immutable and
 * thread-safe; {@link #conditionedOn} gives the per-request model.
 */
public final class RetrievalInterpolatedModel {

    private static final Set<String> MARKERS = Set.of(KneserNeyModel.BOS, KneserNeyModel.EOS, KneserNeyModel.UNK);

    private final KneserNeyModel base;
    private final int neighbours;
    private final double weight;
    private final InstructionIndex index;
    private final Map<String, Integer> ids;
    private final String[] words;
    private final int order;
    private final int bits;
    private final long[][][] keys; // per record, per level: its sorted n-gram keys

    /**
     * The base model with retrieval over the records: {@code neighbours} records (k ≥ 0) per instruction, their
     * model weighted {@code weight} (λ in [0, 1): below 1, so every word keeps the base model's mass).
     */
    public RetrievalInterpolatedModel(KneserNeyModel base, List<RetrievalRecord> records, int neighbours,
                                      double weight) {
        if (neighbours < 0) {
            throw new IllegalArgumentException("neighbours must be >= 0, was " + neighbours);
        }
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1), was " + weight);
        }
        this.base = base;
        this.neighbours = neighbours;
        this.weight = weight;
        this.index = new InstructionIndex(records.stream().map(RetrievalRecord::instruction).toList());
        this.ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>(List.of("", KneserNeyModel.BOS, KneserNeyModel.EOS));
        ids.put(KneserNeyModel.BOS, NeighbourModel.BOS);
        ids.put(KneserNeyModel.EOS, NeighbourModel.EOS);
        int pad = base.order() - 1;
        List<int[]> sequences = new ArrayList<>(records.size());
        int[] predictedFrom = new int[records.size()];
        for (int r = 0; r < records.size(); r++) {
            RetrievalRecord record = records.get(r);
            int[] seq = new int[pad + record.prompt().size() + record.response().size() + 1];
            Arrays.fill(seq, 0, pad, NeighbourModel.BOS);
            int at = pad;
            for (List<String> part : List.of(record.prompt(), record.response())) {
                for (String token : part) {
                    if (token == null || MARKERS.contains(token)) {
                        throw new IllegalArgumentException("record " + r + " holds the marker " + token);
                    }
                    seq[at++] = ids.computeIfAbsent(token, t -> {
                        vocabulary.add(t);
                        return vocabulary.size() - 1;
                    });
                }
            }
            seq[at] = NeighbourModel.EOS;
            sequences.add(seq);
            predictedFrom[r] = pad + record.prompt().size();
        }
        this.words = vocabulary.toArray(new String[0]);
        this.bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(words.length - 1));
        // an n-gram of ids packs into one long key of at most 62 bits: order 3 fits any vocabulary below 2^20
        this.order = Math.max(2, Math.min(base.order(), 62 / bits));
        this.keys = new long[records.size()][][];
        for (int r = 0; r < records.size(); r++) {
            keys[r] = NeighbourModel.keysOf(sequences.get(r), predictedFrom[r], order, bits);
        }
    }

    /** The model for one instruction: its k nearest records retrieved, their response model built. */
    public ConditionedModel conditionedOn(String instruction) {
        if (weight == 0 || neighbours == 0) {
            return new ConditionedModel(this, List.of(), null);
        }
        List<InstructionIndex.Neighbour> nearest = index.nearest(instruction, neighbours);
        if (nearest.isEmpty()) {
            return new ConditionedModel(this, nearest, null);
        }
        List<long[][]> chosen = new ArrayList<>(nearest.size());
        for (InstructionIndex.Neighbour neighbour : nearest) {
            chosen.add(keys[neighbour.record()]);
        }
        return new ConditionedModel(this, nearest, new NeighbourModel(chosen, order, bits));
    }

    /** The Kneser-Ney model of the whole training version. */
    public KneserNeyModel base() {
        return base;
    }

    /** k: records retrieved per instruction. */
    public int neighbours() {
        return neighbours;
    }

    /** λ: the weight of the retrieved records' model. */
    public double weight() {
        return weight;
    }

    /** Order of the retrieval model: the base order, capped so that an n-gram of ids packs into 62 bits. */
    public int retrievalOrder() {
        return order;
    }

    /** Number of records retrieval can choose from. */
    public int records() {
        return index.size();
    }

    int idOf(String token) {
        Integer id = ids.get(token);
        return id == null ? NeighbourModel.UNSEEN : id;
    }

    String wordOf(int id) {
        return words[id];
    }
}
