package dev.longtail.core.evolution;

import dev.longtail.core.dedup.TextFingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One generation of data evolution (Evol-Instruct, Xu et al. 2023): pick parents, pick in-depth or
 * in-breadth by the plan's share, pick an operator of that kind by its weight for the parent's category, evolve,
 * and eliminate failed evolutions.
 *
 * <p>Parents are drawn with weight 1/sqrt(size of their category), times the guidance's boost for a thinning
 * category: a category of 100 seeds gets 10× the draws of a single-seed category rather than 100×, which keeps the
 * rare categories (the tail) in play without starving the common ones. An evolution is eliminated for the reasons
 * of {@link EvolutionElimination}, for {@code "empty"} when the operator could not evolve the parent, for
 * {@code "backend-error"} when its language model failed, and for {@code "duplicate"} when it repeats an instruction
 * of the pool or of this generation. A failed evolution returns its parent to the pool: parents are drawn with
 * replacement, so it may be drawn and evolved again. Attempts stop at {@code count} survivors or 5·count attempts.
 * Deterministic for a given pool, operators, guidance and seed (and, in the LLM form, a deterministic model).
 */
public final class Evolution {

    /** Elimination reason: the evolved instruction repeats one of the pool or of this generation. */
    public static final String DUPLICATE = "duplicate";

    /** Elimination reason: the operator's language model failed (unreachable, error status, no answer). */
    public static final String BACKEND_ERROR = "backend-error";

    /** Attempts allowed per requested survivor. */
    public static final int ATTEMPTS_PER_SURVIVOR = 5;

    private final List<EvolutionOperator> operators;
    private final EvolutionElimination elimination;

    /** Evolution with the given operators (at least one) and the standard elimination. */
    public Evolution(List<EvolutionOperator> operators) {
        this(operators, EvolutionElimination.standard());
    }

    /** Evolution with the given operators (at least one) and elimination rules. */
    public Evolution(List<EvolutionOperator> operators, EvolutionElimination elimination) {
        if (operators == null || operators.isEmpty()) {
            throw new IllegalArgumentException("at least one operator is required");
        }
        this.operators = List.copyOf(operators);
        this.elimination = Objects.requireNonNull(elimination);
    }

    /** The default set's rules ({@link OperatorCatalog#DEFAULT_SET}) with the standard elimination. */
    public static Evolution standard() {
        return new Evolution(OperatorCatalog.rules(OperatorCatalog.DEFAULT_SET));
    }

    /** The operators in use. */
    public List<EvolutionOperator> operators() {
        return operators;
    }

    /** The elimination rules in use. */
    public EvolutionElimination elimination() {
        return elimination;
    }

    /** Evolves up to {@code count} distinct instructions from the pool without guidance. */
    public GenerationDraft evolve(List<Seed> pool, int count, double inBreadthShare, long randomSeed) {
        return evolve(pool, count, inBreadthShare, randomSeed, EvolutionGuidance.NONE);
    }

    /** Evolves up to {@code count} distinct instructions from the pool (see the class description). */
    public GenerationDraft evolve(List<Seed> pool, int count, double inBreadthShare, long randomSeed,
            EvolutionGuidance guidance) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (!(inBreadthShare >= 0 && inBreadthShare <= 1)) {
            throw new IllegalArgumentException("inBreadthShare must be in [0, 1], was " + inBreadthShare);
        }
        List<EvolvedDraft> evolved = new ArrayList<>();
        Map<String, Integer> eliminatedByReason = new TreeMap<>();
        Map<String, Integer> attemptsByOperator = new TreeMap<>();
        Map<String, Map<String, Integer>> eliminatedByOperator = new TreeMap<>();
        int eliminated = 0;
        if (pool.isEmpty() || count == 0) {
            return new GenerationDraft(evolved, 0, eliminatedByReason, attemptsByOperator, eliminatedByOperator);
        }
        EvolutionContext context = new EvolutionContext(pool, guidance.donorWords());
        List<Seed> frozenPool = context.pool();
        double[] cumulative = parentWeights(frozenPool, guidance);
        List<EvolutionOperator> inDepth = ofKind(OperatorKind.IN_DEPTH);
        List<EvolutionOperator> inBreadth = ofKind(OperatorKind.IN_BREADTH);
        Set<String> seen = new HashSet<>();
        for (Seed seed : frozenPool) {
            seen.add(TextFingerprint.of(seed.instruction()));
        }
        SplittableRandom rng = new SplittableRandom(randomSeed);
        long attempts = (long) ATTEMPTS_PER_SURVIVOR * count;
        for (long attempt = 0; attempt < attempts && evolved.size() < count; attempt++) {
            Seed parent = frozenPool.get(pick(cumulative, rng.nextDouble()));
            boolean breadth = rng.nextDouble() < inBreadthShare;
            List<EvolutionOperator> candidates = breadth ? inBreadth : inDepth;
            if (candidates.isEmpty()) {
                candidates = operators; // no operator of that kind configured: use what there is
            }
            EvolutionOperator operator = choose(candidates, parent.category(), guidance.weights(), rng);
            attemptsByOperator.merge(operator.name(), 1, Integer::sum);
            String reason;
            Optional<Rewrite> rewrite;
            try {
                rewrite = operator.evolve(parent, context, rng);
                reason = rewrite.isEmpty() ? EvolutionElimination.EMPTY
                        : elimination.reasonToEliminate(parent, rewrite.get()).orElse(null);
            } catch (ChatModel.ChatFailure e) {
                rewrite = Optional.empty();
                reason = BACKEND_ERROR;
            }
            if (reason == null && !seen.add(TextFingerprint.of(rewrite.get().instruction()))) {
                reason = DUPLICATE;
            }
            if (reason != null) {
                eliminated++;
                eliminatedByReason.merge(reason, 1, Integer::sum);
                eliminatedByOperator.computeIfAbsent(operator.name(), o -> new TreeMap<>()).merge(reason, 1, Integer::sum);
                continue;
            }
            Rewrite made = rewrite.get();
            evolved.add(new EvolvedDraft(parent, operator.name(), operator.kind(), parent.category(),
                    made.instruction().strip(), made.input(), made.templateVersion()));
        }
        return new GenerationDraft(evolved, eliminated, eliminatedByReason, attemptsByOperator, eliminatedByOperator);
    }

    /**
     * An operator of the candidates, by weight for the category; with equal weights one uniform draw, so that
     * unguided evolution draws exactly as it always did.
     */
    private static EvolutionOperator choose(List<EvolutionOperator> candidates, String category,
            OperatorWeights weights, SplittableRandom rng) {
        double[] w = new double[candidates.size()];
        boolean uniform = true;
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.weight(candidates.get(i).name(), category);
            uniform &= w[i] == w[0];
        }
        if (uniform) {
            return candidates.get(rng.nextInt(candidates.size()));
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(w.length - 1);
    }

    private List<EvolutionOperator> ofKind(OperatorKind kind) {
        return operators.stream().filter(o -> o.kind() == kind).toList();
    }

    /** Cumulative parent weights boost(category)/sqrt(category size), normalised to end at 1. */
    private static double[] parentWeights(List<Seed> pool, EvolutionGuidance guidance) {
        Map<String, Integer> sizes = new HashMap<>();
        for (Seed seed : pool) {
            sizes.merge(Objects.toString(seed.category(), ""), 1, Integer::sum);
        }
        double[] cumulative = new double[pool.size()];
        double total = 0;
        for (int i = 0; i < pool.size(); i++) {
            String category = pool.get(i).category();
            total += guidance.boost(category) / Math.sqrt(sizes.get(Objects.toString(category, "")));
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
