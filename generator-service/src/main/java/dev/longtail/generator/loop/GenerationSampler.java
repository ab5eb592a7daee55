package dev.longtail.generator.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.Provenance;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.core.lm.Sampling;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.accounting.UsageLedger;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.BackendRegistry;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.campaign.CampaignSettingsService;
import dev.longtail.generator.generation.GenerationItem;
import dev.longtail.generator.generation.GenerationOutcome;
import dev.longtail.generator.generation.GenerationRunner;
import dev.longtail.generator.accounting.UsageTally;
import dev.longtail.generator.prompt.GenerationMode;
import dev.longtail.generator.prompt.PromptTemplate;
import dev.longtail.generator.prompt.PromptTemplates;

/**
 * Answers one generation through the campaign's backend (its generation-settings if an operator set them, else
 * the plan's backend, else the default one):
 * the embedded model trains on the generation's training corpus, a server just answers. Every evolved seed
 * yields exactly one sample, generated or failed with the reason; a slow or failing backend is waited for, up
 * to {@code longtail.generator.loop.sample-deadline} per sample, within the backend's limits.
 */
@ApplicationScoped
public class GenerationSampler {

    private static final Logger LOG = Logger.getLogger(GenerationSampler.class);

    private final BackendRegistry backends;
    private final PromptTemplates templates;
    private final GenerationRunner runner;
    private final CampaignSettingsService settings;
    private final UsageLedger ledger;
    private final GeneratorConfig config;

    public GenerationSampler(BackendRegistry backends, PromptTemplates templates, GenerationRunner runner,
            CampaignSettingsService settings, UsageLedger ledger, GeneratorConfig config) {
        this.backends = backends;
        this.templates = templates;
        this.runner = runner;
        this.settings = settings;
        this.ledger = ledger;
        this.config = config;
    }

    /** One {@link SampleGenerated} per evolved seed, in the order of the event's seeds. */
    public List<SampleGenerated> sample(SeedsEvolved generation) {
        List<EvolvedSeed> seeds = generation.seeds() == null ? List.of() : generation.seeds();
        SamplingParameters parameters = generation.plan() == null ? null : generation.plan().sampling();
        if (parameters == null) {
            return failAll(generation, seeds, "the plan has no sampling parameters", null, null, null);
        }
        var chosen = settings.find(generation.campaignId());
        // an operator's generation-settings override the backend the campaign chose at its start (in the plan)
        String backendName = chosen.map(CampaignSettingsService.Chosen::backend).orElse(generation.plan().backend());
        GenerationBackend backend = backends.resolve(backendName).orElse(null);
        PromptTemplate template = templates.resolve(GenerationMode.RESPONSE,
                chosen.map(CampaignSettingsService.Chosen::templateVersion).orElse(null))
                .orElse(templates.current(GenerationMode.RESPONSE));
        try {
            new Sampling(parameters.temperature(), parameters.topP(), parameters.maxTokens());
        } catch (IllegalArgumentException e) {
            return failAll(generation, seeds, "invalid sampling parameters: " + e.getMessage(), backend, backendName,
                    template);
        }
        if (backend == null) {
            return failAll(generation, seeds, "unknown backend " + backendName, null, backendName, template);
        }
        GenerationBackend.Session session;
        try {
            session = backend.open(generation.trainingCorpus());
        } catch (BackendException e) {
            return failAll(generation, seeds, e.getMessage(), backend, backend.name(), template);
        }
        List<GenerationItem> items = seeds.stream()
                .map(seed -> new GenerationItem(samplingKey(generation.campaignId(), seed),
                        Map.of("instruction", nullToEmpty(seed.instruction()),
                        "input", nullToEmpty(seed.input())), seed.instruction(), null))
                .toList();
        var tally = new UsageTally();
        List<GenerationOutcome> outcomes = runner.run(new GenerationRunner.Batch(backend, session, template, parameters,
                false, config.loop().sampleDeadline()), items, tally);
        account(generation.campaignId(), tally);
        List<SampleGenerated> samples = new ArrayList<>(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            samples.add(sample(generation, seeds.get(i), seeds.size(), outcomes.get(i), template));
        }
        return samples;
    }

    private SampleGenerated sample(SeedsEvolved generation, EvolvedSeed seed, int size, GenerationOutcome outcome,
            PromptTemplate template) {
        var p = outcome.provenance();
        var provenance = new Provenance(p.backend(), p.model(), p.temperature(), p.topP(), p.randomSeed(),
                p.latencyMicros(), p.completionTokens(), p.mode(), template.version(), p.maxTokens(), p.sampleSeed(),
                p.promptTokens(), p.attempts(), p.finishReason(), p.meanLogprob());
        if (!outcome.generated()) {
            return failed(generation, seed, size, outcome.failureReason(), provenance);
        }
        return new SampleGenerated(Events.SCHEMA_VERSION, sampleId(seed), generation.campaignId(),
                generation.generation(), size, seed, outcome.output(), SampleStatus.GENERATED, null, provenance,
                generation.plan());
    }

    /** Tokens are accounted, but a ledger that cannot be written never holds samples back. */
    private void account(String campaignId, UsageTally tally) {
        try {
            ledger.record(campaignId, tally);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not account the tokens of campaign %s", campaignId);
        }
    }

    /**
     * The key a sample's random stream derives from: the seed's id without the campaign's id, so that two campaigns
     * with the same seeds, plan and random seed sample the same texts (a campaign's {@code randomSeed} reproduces
     * it; its generated id does not change it).
     */
    static String samplingKey(String campaignId, EvolvedSeed seed) {
        String id = seed.seedId();
        return campaignId != null && id.startsWith(campaignId + ":") ? id.substring(campaignId.length() + 1) : id;
    }

    /**
     * Every seed's sample failed before reaching a backend. The provenance names the backend the generation asked
     * for ({@code backendName}, even one this generator does not know: then without a model), never a stand-in.
     */
    private List<SampleGenerated> failAll(SeedsEvolved generation, List<EvolvedSeed> seeds, String reason,
            GenerationBackend backend, String backendName, PromptTemplate template) {
        LOG.warnf("Campaign %s generation %d: every sample failed: %s", generation.campaignId(),
                generation.generation(), reason);
        SamplingParameters parameters = generation.plan() == null ? null : generation.plan().sampling();
        String name = backend != null ? backend.name() : backendName;
        String model = backend != null ? backend.model() : null;
        // no backend was reached: what the sample would have run with, no seed of its own, no tokens, no attempt
        var provenance = parameters == null ? null : new Provenance(name, model,
                parameters.temperature(), parameters.topP(), parameters.randomSeed(), 0, 0,
                GenerationMode.RESPONSE.name(), template == null ? null : template.version(), parameters.maxTokens(),
                null, 0, 0, null, null);
        return seeds.stream().map(seed -> failed(generation, seed, seeds.size(), reason, provenance)).toList();
    }

    private SampleGenerated failed(SeedsEvolved generation, EvolvedSeed seed, int size, String reason,
            Provenance provenance) {
        return new SampleGenerated(Events.SCHEMA_VERSION, sampleId(seed), generation.campaignId(),
                generation.generation(), size, seed, null, SampleStatus.FAILED, reason, provenance, generation.plan());
    }

    /** A sample's id follows from its seed's, so a redelivery regenerates it under the same id. */
    static String sampleId(EvolvedSeed seed) {
        return seed.seedId() + ":sample";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
