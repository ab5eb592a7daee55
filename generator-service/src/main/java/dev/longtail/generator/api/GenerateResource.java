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
import io.smallrye.common.annotation.Blocking;

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

    @POST
    @Blocking
    public GenerateResponse generate(@NotNull @Valid GenerateRequest request) {
        var plan = planner.plan(request, config.generate().maxItems());
        var session = open(plan);
        var tally = new UsageTally();
        List<GenerationOutcome> outcomes = runner.run(new GenerationRunner.Batch(plan.backend(), session,
                plan.template(), plan.parameters(), plan.logprobs(), config.generate().patience()), plan.items(), tally);
        ledger.record(plan.campaignId(), tally);
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
