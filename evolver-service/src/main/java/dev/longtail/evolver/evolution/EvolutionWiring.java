package dev.longtail.evolver.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.core.evolution.ChatModel;
import dev.longtail.core.evolution.Evolution;
import dev.longtail.core.evolution.EvolutionElimination;
import dev.longtail.core.evolution.EvolutionGuidance;
import dev.longtail.core.evolution.GapAnalysis;
import dev.longtail.core.evolution.InformationGainJudge;
import dev.longtail.core.evolution.LlmGainJudge;
import dev.longtail.core.evolution.OperatorBandit;
import dev.longtail.core.evolution.OperatorCatalog;
import dev.longtail.core.evolution.OperatorWeights;
import dev.longtail.core.evolution.PromptTemplate;
import dev.longtail.core.evolution.RougeLGainJudge;
import dev.longtail.core.evolution.Seed;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.campaign.EvolutionSettings;
import dev.longtail.support.JsonColumns;

/**
 * Turns a campaign's evolution settings into the science of dev.longtail.core.evolution: its operators in their
 * form, the elimination rules (rule 1 by the language model in the LLM form, by ROUGE-L otherwise), and, before each
 * generation after the first, the guidance: the bandit's weights updated by what the curator kept of the previous
 * generation, and the gaps of the previous version against the reference.
 */
@ApplicationScoped
public class EvolutionWiring {

    private final EvolverConfig config;
    private final ObjectMapper mapper;
    private final JsonColumns json;

    public EvolutionWiring(EvolverConfig config, ObjectMapper mapper, JsonColumns json) {
        this.config = config;
        this.mapper = mapper;
        this.json = json;
    }

    /** The guidance of one generation and what it came from, for the generation's row and report. */
    public record Step(EvolutionGuidance guidance, List<OperatorBandit.WeightChange> changes, GapSummary gaps) {
    }

    /** The gaps that guided a generation: how many donor words, the rarest of them, and the category boosts. */
    public record GapSummary(int donorWords, List<String> rarest, Map<String, Double> categoryBoosts) {

        /** The most donor words a report lists. */
        static final int LISTED = 20;
    }

    /** What a generation's seed evolved into and whether the curator kept its sample. */
    public record SeedOutcome(String operator, String category, boolean kept) {
    }

    /** Whether the LLM form can be offered: a chat endpoint is configured. */
    public boolean llmAvailable() {
        return config.llm().baseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** The evolution a campaign's settings describe. */
    public Evolution evolution(EvolutionSettings settings) {
        if (settings.llm()) {
            ChatModel model = chatModel();
            String version = config.llm().templateVersion();
            InformationGainJudge judge = new LlmGainJudge(model, PromptTemplate.load(OperatorCatalog.JUDGE_TEMPLATE,
                    version));
            return new Evolution(OperatorCatalog.prompted(settings.operators(), version, model,
                    config.llm().probeResponses()), new EvolutionElimination(judge));
        }
        return new Evolution(OperatorCatalog.rules(settings.operators()),
                new EvolutionElimination(new RougeLGainJudge(config.evolution().gainThreshold())));
    }

    /** The configured chat endpoint as a model; only called when {@link #llmAvailable()}. */
    ChatModel chatModel() {
        String baseUrl = config.llm().baseUrl().orElseThrow(() -> new IllegalStateException(
                "the LLM form needs longtail.evolver.llm.base-url"));
        return new OpenAiChatModel(config.llm(), baseUrl, mapper);
    }

    /**
     * The guidance of a generation from its predecessor: {@code previousWeights} (JSON, null for uniform) moved by
     * the bandit over {@code outcomes} when the settings adapt; the gaps of {@code sealedRecords} (JSON of the previous
     * version) against the reference when they are gap-driven.
     */
    public Step guidance(EvolutionSettings settings, String previousWeights, List<SeedOutcome> outcomes,
            List<Seed> reference, String sealedRecords) {
        OperatorWeights weights = previousWeights == null ? OperatorWeights.UNIFORM
                : new OperatorWeights(json.read(previousWeights, new TypeReference<Map<String, Map<String, Double>>>() { }));
        List<OperatorBandit.WeightChange> changes = List.of();
        if (settings.adaptive() && !outcomes.isEmpty()) {
            var e = config.evolution();
            var bandit = new OperatorBandit(new OperatorBandit.Settings(e.banditLearningRate(), e.banditMinWeight(),
                    e.banditMaxWeight(), e.banditMinSamples()));
            var update = bandit.update(weights, tally(outcomes));
            weights = update.weights();
            changes = update.changes();
        }
        if (!settings.gapGuided() || sealedRecords == null) {
            return new Step(new EvolutionGuidance(weights, List.of(), Map.of()), changes, null);
        }
        List<GapAnalysis.VersionText> version = new ArrayList<>();
        for (DatasetRecord r : json.read(sealedRecords, new TypeReference<List<DatasetRecord>>() { })) {
            if (r != null) {
                version.add(new GapAnalysis.VersionText(r.category(), String.join(" ", Optional.ofNullable(r.instruction())
                        .orElse(""), Optional.ofNullable(r.input()).orElse(""), Optional.ofNullable(r.output()).orElse(""))));
            }
        }
        var gaps = GapAnalysis.find(reference, version, config.evolution().gapMaxRareCount(),
                config.evolution().gapMaxBoost());
        var summary = new GapSummary(gaps.donorWords().size(),
                gaps.donorWords().subList(0, Math.min(GapSummary.LISTED, gaps.donorWords().size())),
                new TreeMap<>(gaps.categoryBoosts()));
        return new Step(gaps.guidance(weights), changes, summary);
    }

    private static List<OperatorBandit.Outcome> tally(List<SeedOutcome> outcomes) {
        Map<List<String>, int[]> counts = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (SeedOutcome o : outcomes) {
            int[] c = counts.computeIfAbsent(List.of(o.operator(), o.category() == null ? "" : o.category()),
                    k -> new int[2]);
            c[0]++;
            c[1] += o.kept() ? 1 : 0;
        }
        List<OperatorBandit.Outcome> tallied = new ArrayList<>();
        counts.forEach((k, c) -> tallied.add(new OperatorBandit.Outcome(k.get(0), k.get(1), c[0], c[1])));
        return tallied;
    }
}
