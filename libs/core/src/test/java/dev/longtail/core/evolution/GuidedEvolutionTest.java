package dev.longtail.core.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Evolution steered by gaps and operator weights, its failure counts, and the bandit and gap analysis behind it. */
class GuidedEvolutionTest {

    private static final List<Seed> POOL = EvolutionFixtures.POOL;


    private static Evolution all() {
        return new Evolution(OperatorCatalog.rules(OperatorCatalog.names()));
    }

    @Test
    void shouldCountAttemptsAndFailuresPerOperatorAndRule() {
        GenerationDraft draft = all().evolve(POOL, 40, 0.5, 21);
        assertEquals(draft.attempts(), draft.attemptsByOperator().values().stream().mapToInt(Integer::intValue).sum());
        int perOperator = draft.eliminatedByOperator().values().stream()
                .flatMap(reasons -> reasons.values().stream()).mapToInt(Integer::intValue).sum();
        assertEquals(draft.eliminated(), perOperator);
        assertEquals(OperatorCatalog.names().size(), draft.attemptsByOperator().size(), "every operator was tried");
    }

    @Test
    void shouldReturnTheParentOfAFailedEvolutionToThePool() {
        EvolutionOperator failsFirstTime = new EvolutionOperator() {
            private final Set<String> tried = new HashSet<>();

            @Override
            public String name() {
                return "second-try";
            }

            @Override
            public OperatorKind kind() {
                return OperatorKind.IN_DEPTH;
            }

            @Override
            public Optional<Rewrite> evolve(Seed parent, EvolutionContext context, RandomGenerator rng) {
                return tried.add(parent.id()) ? Optional.empty()
                        : Optional.of(Rewrite.ofInstruction(parent.instruction() + " Cite one source.", parent));
            }
        };
        List<Seed> science = POOL.subList(0, 4);
        GenerationDraft draft = new Evolution(List.of(failsFirstTime)).evolve(science, 4, 0.0, 5);
        assertEquals(4, draft.evolved().stream().map(e -> e.parent().id()).distinct().count(),
                "every parent failed once and was evolved on a later draw");
        assertEquals(4, draft.eliminatedByReason().get("empty"));
    }

    @Test
    void shouldChooseOperatorsByTheirWeightForTheParentsCategory() {
        OperatorWeights favourDeepen = OperatorWeights.UNIFORM.with("deepen", "science", 4.0)
                .with("add-constraints", "science", 0.25);
        Evolution depth = new Evolution(OperatorCatalog.rules(List.of("add-constraints", "deepen")));
        GenerationDraft draft = depth.evolve(POOL, 60, 0.0, 8,
                new EvolutionGuidance(favourDeepen, List.of(), Map.of()));
        long deepenScience = draft.evolved().stream().filter(e -> e.category().equals("science")
                && e.operator().equals("deepen")).count();
        long addScience = draft.evolved().stream().filter(e -> e.category().equals("science")
                && e.operator().equals("add-constraints")).count();
        assertTrue(deepenScience > 4 * addScience, deepenScience + " vs " + addScience + " (weights 4 : 0.25)");
        long deepenCooking = draft.evolved().stream().filter(e -> e.category().equals("cooking")
                && e.operator().equals("deepen")).count();
        long addCooking = draft.evolved().stream().filter(e -> e.category().equals("cooking")
                && e.operator().equals("add-constraints")).count();
        assertTrue(Math.abs(deepenCooking - addCooking) < 0.5 * (deepenCooking + addCooking),
                "other categories stay uniform: " + deepenCooking + " vs " + addCooking);
    }

    @Test
    void shouldDrawThinningCategoriesMoreOften() {
        EvolutionOperator numbering = EvolutionFixtures.numbering();
        EvolutionGuidance poetryThinning = new EvolutionGuidance(OperatorWeights.UNIFORM, List.of(), Map.of("poetry", 4.0));
        long guided = new Evolution(List.of(numbering)).evolve(POOL, 2000, 0.0, 3, poetryThinning).evolved().stream()
                .filter(e -> e.category().equals("poetry")).count();
        long plain = new Evolution(List.of(numbering)).evolve(POOL, 2000, 0.0, 3).evolved().stream()
                .filter(e -> e.category().equals("poetry")).count();
        // weights 1/sqrt(size): science 2, cooking 1.41, history 1, poetry 1 (0.18 of draws); boosted, poetry 4 (0.48)
        assertEquals(2000 * 1 / 5.414, plain, 80);
        assertEquals(2000 * 4 / 8.414, guided, 80);
    }

    @Test
    void shouldPutTheGapsDonorWordsIntoTailMutations() {
        Evolution tail = new Evolution(OperatorCatalog.rules(List.of("tail-mutation")));
        EvolutionGuidance gaps = new EvolutionGuidance(OperatorWeights.UNIFORM, List.of("tidal locking"), Map.of());
        GenerationDraft guided = tail.evolve(POOL, 5, 1.0, 3, gaps);
        assertEquals(5, guided.evolved().size());
        guided.evolved().forEach(e -> assertTrue(e.instruction().toLowerCase().contains("tidal locking"), e.instruction()));
        assertEquals(guided, tail.evolve(POOL, 5, 1.0, 3, gaps), "deterministic for a given guidance and seed");
    }

    @Test
    void shouldRaiseTheWeightOfAnOperatorWhoseSeedsTheCuratorKeepsAndLowerTheOther() {
        OperatorBandit bandit = new OperatorBandit(OperatorBandit.Settings.DEFAULT);
        OperatorBandit.Update update = bandit.update(OperatorWeights.UNIFORM, List.of(
                new OperatorBandit.Outcome("deepen", "science", 10, 9),
                new OperatorBandit.Outcome("topic-shift", "science", 10, 3)));
        assertEquals(Math.exp(2 * (0.9 - 0.6)), update.weights().weight("deepen", "science"), 1e-9);
        assertEquals(Math.exp(2 * (0.3 - 0.6)), update.weights().weight("topic-shift", "science"), 1e-9);
        assertEquals(1.0, update.weights().weight("deepen", "cooking"));
        assertEquals(2, update.changes().size());
        assertEquals("kept 9 of 10 (0.90) vs 0.60 for the category's operators", update.changes().get(0).reason());
    }

    @Test
    void shouldKeepWeightsWithinBoundsAndLeaveThemWithoutEvidence() {
        OperatorBandit bandit = new OperatorBandit(new OperatorBandit.Settings(50, 0.25, 4, 3));
        OperatorBandit.Update update = bandit.update(OperatorWeights.UNIFORM, List.of(
                new OperatorBandit.Outcome("deepen", "science", 10, 10),
                new OperatorBandit.Outcome("topic-shift", "science", 10, 0),
                new OperatorBandit.Outcome("crossover", "science", 2, 0),
                new OperatorBandit.Outcome("deepen", "poetry", 5, 1)));
        assertEquals(4.0, update.weights().weight("deepen", "science"));
        assertEquals(0.25, update.weights().weight("topic-shift", "science"));
        assertTrue(update.changes().get(0).reason().endsWith("at its bound"), update.changes().get(0).reason());
        assertEquals(1.0, update.weights().weight("crossover", "science"), "2 seeds are too few to judge");
        assertEquals(1.0, update.weights().weight("deepen", "poetry"), "no peer to compare with");
        assertEquals(2, update.changes().size());
    }

    @Test
    void shouldFindRareReferenceNgramsTheVersionLacksAndThinningCategories() {
        List<Seed> reference = List.of(
                new Seed("a", "science", "Explain tidal locking of moons.", "", "Tidal locking slows spin."),
                new Seed("b", "science", "Explain photosynthesis in plants.", "", "Plants use light."),
                new Seed("c", "science", "Explain photosynthesis in algae.", "", "Algae use light."),
                new Seed("d", "poetry", "Write a haiku about frost.", "", "Frost on the window."));
        List<GapAnalysis.VersionText> version = List.of(
                new GapAnalysis.VersionText("science", "Explain photosynthesis in plants. Plants use light."),
                new GapAnalysis.VersionText("science", "Explain photosynthesis in algae. Algae use light."));
        GapAnalysis.Gaps gaps = GapAnalysis.find(reference, version, 2, 4.0);
        assertTrue(gaps.donorWords().indexOf("tidal locking") < gaps.donorWords().indexOf("frost"),
                "rare bigrams the version lacks come before words: " + gaps.donorWords());
        assertTrue(gaps.donorWords().containsAll(List.of("frost", "haiku", "moons")), gaps.donorWords().toString());
        assertTrue(!gaps.donorWords().contains("photosynthesis") && !gaps.donorWords().contains("light"),
                "words the version has are no gap");
        assertEquals(Map.of("poetry", 4.0), gaps.categoryBoosts(), "poetry is gone from the version");
    }

    @Test
    void shouldFindNoGapInAVersionThatIsTheReference() {
        List<Seed> reference = List.of(new Seed("a", "science", "Explain tides.", "", "The moon pulls water."));
        GapAnalysis.Gaps gaps = GapAnalysis.find(reference,
                List.of(new GapAnalysis.VersionText("science", "Explain tides. The moon pulls water.")), 2, 4.0);
        assertTrue(gaps.donorWords().isEmpty());
        assertTrue(gaps.categoryBoosts().isEmpty());
    }
}
