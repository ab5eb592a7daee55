package dev.longtail.core.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A {@link RetrievalInterpolatedModel} for one instruction: λ · p_ret(w | h) + (1 − λ) · p_KN(w | h) with the
 * instruction's neighbours retrieved. Built per request; not thread-safe.
 */
public final class ConditionedModel {

    private final RetrievalInterpolatedModel parent;
    private final List<InstructionIndex.Neighbour> neighbours;
    private final NeighbourModel retrieval; // null: the plain Kneser-Ney model
    private final double weight;

    ConditionedModel(RetrievalInterpolatedModel parent, List<InstructionIndex.Neighbour> neighbours,
                     NeighbourModel retrieval) {
        this.parent = parent;
        this.neighbours = List.copyOf(neighbours);
        this.retrieval = retrieval;
        this.weight = retrieval == null ? 0.0 : parent.weight();
    }

    /** The records retrieved for the instruction, nearest first (empty: the plain Kneser-Ney model answers). */
    public List<InstructionIndex.Neighbour> neighbours() {
        return neighbours;
    }

    /** The retrieved records' model; null when nothing was retrieved. */
    NeighbourModel retrieval() {
        return retrieval;
    }

    /** p(word | context): the mixture; exactly the Kneser-Ney probability when nothing was retrieved. */
    public double probability(List<String> context, String word) {
        double plain = parent.base().probability(context, word);
        if (retrieval == null) {
            return plain;
        }
        return weight * retrieval.probability(history(context), parent.idOf(word)) + (1 - weight) * plain;
    }

    /** Natural log of {@link #probability}. */
    public double logProbability(List<String> context, String word) {
        return Math.log(probability(context, word));
    }

    /**
     * Continues after {@code prefix} until {@code </s>} or {@code maxTokens} tokens; never emits {@code <s>} or
     * {@code <unk>}. Without retrieval this is {@link KneserNeyModel#sample} itself (the same tokens for the same
     * random stream).
     *
     * <p>At temperature 1 and top-p 1 every token is an exact draw from the mixture conditioned on "not
     * {@code <unk>}": the part is picked first (the retrieval model with probability λ / (λ + (1 − λ)(1 − p_KN(unk
     * | h))), which renormalises without the Kneser-Ney model's {@code <unk>} mass), then the token from that part.
     * With another temperature or top-p, the part is picked with probability λ and the token drawn from that
     * part's own tempered, nucleus-truncated distribution (each exact): a mixture of the tempered parts, not the
     * tempered mixture, which would need the Kneser-Ney model's whole distribution at every step.
     */
    public List<String> sample(List<String> prefix, Sampling sampling, RandomGenerator rng) {
        KneserNeyModel base = parent.base();
        if (retrieval == null) {
            return base.sample(prefix, sampling, rng);
        }
        boolean plain = sampling.temperature() == 1.0 && sampling.topP() == 1.0;
        NeighbourNucleus nucleus = plain ? null : new NeighbourNucleus(retrieval, sampling.temperature());
        Sampling oneToken = new Sampling(sampling.temperature(), sampling.topP(), 1);
        List<String> context = new ArrayList<>(prefix == null ? List.of() : prefix);
        int[] history = history(context);
        List<String> out = new ArrayList<>();
        while (out.size() < sampling.maxTokens()) {
            double v = rng.nextDouble();
            boolean retrieved = v < weight;
            if (plain && !retrieved) {
                // λ' = λ / (λ + (1 − λ)(1 − p_KN(<unk> | h))) ≥ λ: only a draw above λ needs p_KN(<unk> | h)
                double unknown = base.probability(context, KneserNeyModel.UNK);
                retrieved = v < weight / (weight + (1 - weight) * (1 - unknown));
            }
            String token;
            int id;
            if (retrieved) {
                id = plain ? retrieval.draw(history, rng) : nucleus.draw(history, sampling.topP(), rng);
                token = id == NeighbourModel.EOS ? null : parent.wordOf(id);
            } else {
                List<String> next = base.sample(context, oneToken, rng);
                token = next.isEmpty() ? null : next.get(0);
                id = token == null ? NeighbourModel.EOS : parent.idOf(token);
            }
            if (token == null) {
                break;
            }
            out.add(token);
            context.add(token);
            System.arraycopy(history, 1, history, 0, history.length - 1);
            history[history.length - 1] = id;
        }
        return out;
    }

    /** The retrieval model's history: ids of the last order − 1 tokens, padded with {@code <s>}. */
    private int[] history(List<String> context) {
        int length = parent.retrievalOrder() - 1;
        int[] history = new int[length];
        Arrays.fill(history, NeighbourModel.BOS);
        int take = Math.min(length, context == null ? 0 : context.size());
        for (int i = 0; i < take; i++) {
            history[length - take + i] = parent.idOf(context.get(context.size() - take + i));
        }
        return history;
    }
}
