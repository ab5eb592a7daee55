package dev.longtail.generator.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.TrainingText;
import dev.longtail.generator.admin.ExampleMixTunables;
import dev.longtail.generator.backend.BackendRegistry;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.core.random.SeedMixer;
import dev.longtail.generator.prompt.ExampleMix;
import dev.longtail.generator.prompt.GenerationMode;
import dev.longtail.generator.prompt.PromptTemplate;
import dev.longtail.generator.prompt.PromptTemplates;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * Turns a generation request into a plan: the backend, the template, the parameters and one item per output,
 * or a 400 naming every field that does not fit the mode. Items are keyed by position, so that the same
 * request with the same random seed samples the same texts (also when a job resumes).
 */
@ApplicationScoped
public class GenerationPlanner {

    /** Everything a batch needs. */
    public record Plan(GenerationBackend backend, GenerationMode mode, PromptTemplate template,
            SamplingParameters parameters, boolean logprobs, List<TrainingText> trainingCorpus,
            List<GenerationItem> items, String campaignId) {
    }

    private final BackendRegistry backends;
    private final PromptTemplates templates;
    private final ExampleMixTunables exampleMix;

    public GenerationPlanner(BackendRegistry backends, PromptTemplates templates, ExampleMixTunables exampleMix) {
        this.exampleMix = exampleMix;
        this.backends = backends;
        this.templates = templates;
    }

    public Plan plan(GenerateRequest request, int maxItems) {
        List<Problem.Violation> violations = new ArrayList<>();
        GenerationMode mode = request.mode() == null ? GenerationMode.RESPONSE : request.mode();
        GenerationBackend backend = backends.resolve(request.backend()).orElse(null);
        if (backend == null) {
            violations.add(new Problem.Violation("backend", null, "unknown backend; one of "
                    + backends.all().stream().map(GenerationBackend::name).toList()));
        }
        PromptTemplate template = templates.resolve(mode, request.templateVersion()).orElse(null);
        if (template == null) {
            violations.add(new Problem.Violation("templateVersion", null, "no version " + request.templateVersion()
                    + " of the " + mode.templateName() + " template"));
        }
        List<TrainingText> corpus = request.trainingCorpus() == null ? List.of() : request.trainingCorpus().stream()
                .map(e -> new TrainingText(e.instruction(), e.input(), e.output())).toList();
        if (backend != null && backend.needsTrainingCorpus() && corpus.isEmpty()) {
            violations.add(new Problem.Violation("trainingCorpus", null,
                    "the " + backend.name() + " backend trains on it: must not be empty"));
        }
        var s = request.sampling();
        List<GenerationItem> items = items(mode, request, s.randomSeed(), maxItems, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The request does not fit mode " + mode, violations);
        }
        return new Plan(backend, mode, template, new SamplingParameters(s.temperature(), s.topP(), s.maxTokens(),
                s.randomSeed()), Boolean.TRUE.equals(request.logprobs()), corpus, items, request.campaignId());
    }

    private List<GenerationItem> items(GenerationMode mode, GenerateRequest request, long seed, int maxItems,
            List<Problem.Violation> violations) {
        List<GenerationItem> items = new ArrayList<>();
        switch (mode) {
            case RESPONSE -> {
                List<String> instructions = required(request.instructions(), "instructions", maxItems, violations);
                for (int i = 0; i < instructions.size(); i++) {
                    // keyed by position, so that the same instruction asked twice gets two independent samples
                    items.add(new GenerationItem("instruction-" + i,
                            Map.of("instruction", instructions.get(i), "input", ""), instructions.get(i), null));
                }
            }
            case REPHRASE -> {
                List<String> texts = required(request.texts(), "texts", maxItems, violations);
                for (int i = 0; i < texts.size(); i++) {
                    items.add(new GenerationItem("text-" + i, Map.of("text", texts.get(i)), texts.get(i), null));
                }
            }
            case SELF_INSTRUCT -> {
                List<String> human = required(request.humanSeeds(), "humanSeeds", Integer.MAX_VALUE, violations);
                List<String> machine = request.machineSeeds() == null ? List.of() : request.machineSeeds();
                if (request.count() == null) {
                    violations.add(new Problem.Violation("count", null, "how many instructions to write: required"));
                } else if (request.count() > maxItems) {
                    violations.add(new Problem.Violation("count", null, "at most " + maxItems
                            + " here; larger batches go to /api/v1/generation-jobs"));
                } else if (!human.isEmpty()) {
                    var mix = exampleMix.current();
                    for (int i = 0; i < request.count(); i++) {
                        List<String> examples = ExampleMix.draw(human, machine, mix.humanExamples(),
                                mix.machineExamples(), SeedMixer.rng(seed, "examples-" + i));
                        items.add(new GenerationItem("self-instruct-" + i,
                                Map.of("examples", ExampleMix.format(examples)), null, examples));
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled mode " + mode);
        }
        return items;
    }

    private static List<String> required(List<String> values, String field, int maxItems,
            List<Problem.Violation> violations) {
        if (values == null || values.isEmpty()) {
            violations.add(new Problem.Violation(field, null, "must not be empty"));
            return List.of();
        }
        if (values.size() > maxItems) {
            violations.add(new Problem.Violation(field, null, "at most " + maxItems
                    + " here; larger batches go to /api/v1/generation-jobs"));
            return List.of();
        }
        return values;
    }
}
