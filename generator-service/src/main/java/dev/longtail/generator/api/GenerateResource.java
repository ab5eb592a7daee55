package dev.longtail.generator.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.accounting.UsageLedger;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.generation.GenerationOutcome;
import dev.longtail.generator.generation.GenerationRunner;
import dev.longtail.generator.generation.UsageTally;
import dev.longtail.support.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Synchronous generation of a small batch, without a campaign: any backend, any mode. The same request with the
 * same random seed gives the same samples on the embedded backend (and on servers that honour the seed). Items
 * that fail come back with the reason; larger batches go to generation jobs.
 */
@Path("/api/v1/generate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GenerateResource {

    private final GenerationPlanner planner;
    private final GenerationRunner runner;
    private final UsageLedger ledger;
    private final GeneratorConfig config;

    public GenerateResource(GenerationPlanner planner, GenerationRunner runner, UsageLedger ledger,
            GeneratorConfig config) {
        this.planner = planner;
        this.runner = runner;
        this.ledger = ledger;
        this.config = config;
    }

    /**
     * Runs on the event loop while it only waits on a server: an OpenAI-compatible backend is called without
     * blocking, and only an item that must wait for a slot, a budget or a recovering backend moves to a worker
     * thread. The embedded model computes, so its requests run on a worker thread from the start.
     */
    @POST
    public Uni<GenerateResponse> generate(@NotNull @Valid GenerateRequest request) {
        var plan = planner.plan(request, config.generate().maxItems());
        if (plan.backend().needsTrainingCorpus()) {
            return Uni.createFrom().item(() -> blocking(plan)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        var tally = new UsageTally();
        return Uni.createFrom().completionStage(() -> runner.runAsync(batch(plan), plan.items(), tally,
                Infrastructure.getDefaultWorkerPool())).map(outcomes -> respond(plan, outcomes, tally));
    }

    private GenerateResponse blocking(GenerationPlanner.Plan plan) {
        var tally = new UsageTally();
        return respond(plan, runner.run(batch(plan), plan.items(), tally), tally);
    }

    private GenerationRunner.Batch batch(GenerationPlanner.Plan plan) {
        return new GenerationRunner.Batch(plan.backend(), open(plan), plan.template(), plan.parameters(),
                plan.logprobs(), config.generate().patience());
    }

    private GenerateResponse respond(GenerationPlanner.Plan plan, List<GenerationOutcome> outcomes, UsageTally tally) {
        // summed in memory and written within accounting.flush-every: one write per call serialised every call
        ledger.recordLater(plan.campaignId(), tally);
        String mode = plan.mode().name();
        int generated = (int) outcomes.stream().filter(GenerationOutcome::generated).count();
        return new GenerateResponse(plan.backend().name(), plan.backend().model(), mode, plan.template().id(),
                generated, outcomes.size() - generated,
                outcomes.stream().map(o -> GenerateResponse.sample(mode, o)).toList());
    }

    private static dev.longtail.generator.backend.GenerationBackend.Session open(GenerationPlanner.Plan plan) {
        try {
            return plan.backend().open(plan.trainingCorpus());
        } catch (BackendException e) {
            throw ProblemException.badRequest("The " + plan.backend().name() + " backend cannot run this request: "
                    + e.getMessage());
        }
    }
}
