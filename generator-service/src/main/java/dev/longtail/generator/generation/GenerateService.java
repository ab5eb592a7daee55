package dev.longtail.generator.generation;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.accounting.UsageLedger;
import dev.longtail.generator.accounting.UsageTally;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.support.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Synchronous generation of a small batch, without a campaign: plans the request, runs it on its backend and books
 * its usage. The same request with the same random seed gives the same samples on the embedded backend (and on
 * servers that honour the seed); items that fail come back with the reason.
 */
@ApplicationScoped
public class GenerateService {

    private static final Logger LOG = Logger.getLogger(GenerateService.class);

    private final GenerationPlanner planner;
    private final GenerationRunner runner;
    private final UsageLedger ledger;
    private final GeneratorConfig config;

    public GenerateService(GenerationPlanner planner, GenerationRunner runner, UsageLedger ledger,
            GeneratorConfig config) {
        this.planner = planner;
        this.runner = runner;
        this.ledger = ledger;
        this.config = config;
    }

    /**
     * Runs on the caller's event loop while it only waits on a server: an OpenAI-compatible backend is called without
     * blocking, and items beyond its concurrency limit queue for a slot without holding a thread. The embedded model
     * computes, so its requests run on a worker thread from the start.
     * <p>
     * The usage is booked when the items finish, on the runner's own stage, whether or not anyone still waits for
     * the answer: when the client hangs up, Quarkus REST cancels the subscription (and with it whatever stage it was
     * given), but the calls already made have spent their tokens. The {@code Uni} therefore gets a copy of the
     * accounted stage ({@code minimalCompletionStage}), which its cancellation cannot reach (a cancelled dependent
     * would skip the accounting), and only builds the response, after the usage was booked.
     */
    public Uni<GenerateResponse> generate(GenerateRequest request) {
        var plan = planner.plan(request, config.generate().maxItems());
        if (plan.backend().needsTrainingCorpus()) {
            return Uni.createFrom().item(() -> blocking(plan)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().completionStage(() -> {
            var tally = new UsageTally();
            CompletableFuture<List<GenerationOutcome>> run = runner.runAsync(batch(plan), plan.items(), tally,
                    Infrastructure.getDefaultWorkerPool()).toCompletableFuture();
            // summed in memory and written within accounting.flush-every: one write per call serialised every call
            return run.whenComplete((outcomes, error) -> account(plan, tally)).minimalCompletionStage();
        }).map(outcomes -> respond(plan, outcomes));
    }

    private GenerateResponse blocking(GenerationPlanner.Plan plan) {
        var tally = new UsageTally();
        try {
            return respond(plan, runner.run(batch(plan), plan.items(), tally));
        } finally {
            account(plan, tally);
        }
    }

    /** Books a call's usage; should the ledger be gone already (a call outlived the shutdown), says what is lost. */
    private void account(GenerationPlanner.Plan plan, UsageTally tally) {
        try {
            ledger.recordLater(plan.campaignId(), tally);
        } catch (RuntimeException e) {
            LOG.errorf("Token usage of campaign %s could not be accounted and is lost: %s (%s)", plan.campaignId(),
                    tally.describe(), e.toString());
        }
    }

    private GenerationRunner.Batch batch(GenerationPlanner.Plan plan) {
        return new GenerationRunner.Batch(plan.backend(), open(plan), plan.template(), plan.parameters(),
                plan.logprobs(), config.generate().patience());
    }

    private static GenerateResponse respond(GenerationPlanner.Plan plan, List<GenerationOutcome> outcomes) {
        String mode = plan.mode().name();
        int generated = (int) outcomes.stream().filter(GenerationOutcome::generated).count();
        return new GenerateResponse(plan.backend().name(), plan.backend().model(), mode, plan.template().id(),
                generated, outcomes.size() - generated,
                outcomes.stream().map(o -> GenerateResponse.sample(mode, o)).toList());
    }

    private static GenerationBackend.Session open(GenerationPlanner.Plan plan) {
        try {
            return plan.backend().open(plan.trainingCorpus());
        } catch (BackendException e) {
            throw ProblemException.badRequest("The " + plan.backend().name() + " backend cannot run this request: "
                    + e.getMessage());
        }
    }
}
