package dev.longtail.generator.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.accounting.UsageLedger;
import dev.longtail.generator.generation.GenerateRequest;
import dev.longtail.generator.generation.GenerationPlanner;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.generation.GenerationItem;
import dev.longtail.generator.generation.GenerationOutcome;
import dev.longtail.generator.generation.GenerationRunner;
import dev.longtail.generator.accounting.UsageTally;
import dev.longtail.support.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs queued generation jobs, one at a time per replica, in chunks: each chunk's samples, progress and usage are
 * stored before the next starts and the lease is renewed, so a job resumes where it stopped after a crash and a
 * cancellation takes effect at the next chunk.
 */
@ApplicationScoped
public class GenerationJobRunner {

    private static final Logger LOG = Logger.getLogger(GenerationJobRunner.class);

    private final JobStore store;
    private final GenerationPlanner planner;
    private final GenerationRunner runner;
    private final UsageLedger ledger;
    private final ObjectMapper mapper;
    private final GeneratorConfig config;

    public GenerationJobRunner(JobStore store, GenerationPlanner planner, GenerationRunner runner, UsageLedger ledger,
            ObjectMapper mapper, GeneratorConfig config) {
        this.store = store;
        this.planner = planner;
        this.runner = runner;
        this.ledger = ledger;
        this.mapper = mapper;
        this.config = config;
    }

    @Scheduled(every = "${longtail.generator.jobs.poll-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutting down: the database goes away meanwhile
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        Optional<UUID> next;
        while ((next = store.claimNext()).isPresent()) {
            run(next.get());
        }
    }

    void run(UUID jobId) {
        GenerationJob job = store.find(jobId).orElseThrow();
        GenerationPlanner.Plan plan;
        GenerationBackend.Session session;
        try {
            plan = planner.plan(mapper.readValue(job.request, GenerateRequest.class), config.jobs().maxItems());
            session = plan.backend().open(plan.trainingCorpus());
        } catch (ProblemException | BackendException e) {
            // the configuration changed under a queued job (a backend removed), or the corpus cannot train
            store.finish(jobId, GenerationJob.Status.FAILED, e.getMessage());
            return;
        } catch (Exception e) {
            LOG.errorf(e, "Job %s cannot start", jobId);
            store.finish(jobId, GenerationJob.Status.FAILED, "cannot start: " + e.getMessage());
            return;
        }
        Set<Integer> done = store.doneIndices(jobId);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            if (!done.contains(i)) {
                todo.add(i);
            }
        }
        int chunk = Math.max(4, plan.backend().limiter().maxConcurrency() * 2);
        var batch = new GenerationRunner.Batch(plan.backend(), session, plan.template(), plan.parameters(),
                plan.logprobs(), config.loop().sampleDeadline());
        LOG.infof("Job %s: %d of %d items to generate on %s", jobId, todo.size(), plan.items().size(),
                plan.backend().name());
        try {
            for (int from = 0; from < todo.size(); from += chunk) {
                List<Integer> indices = todo.subList(from, Math.min(todo.size(), from + chunk));
                List<GenerationItem> items = indices.stream().map(plan.items()::get).toList();
                var tally = new UsageTally();
                List<GenerationOutcome> outcomes = runner.run(batch, items, tally);
                ledger.record(plan.campaignId(), tally);
                if (store.saveChunk(jobId, indices, outcomes) == GenerationJob.Status.CANCELLED) {
                    LOG.infof("Job %s: cancelled", jobId);
                    return;
                }
            }
            store.finish(jobId, GenerationJob.Status.SUCCEEDED, null);
        } catch (RuntimeException e) {
            // the lease runs out and a replica (maybe this one) resumes from the stored samples
            LOG.errorf(e, "Job %s stopped; it resumes when its lease expires", jobId);
        }
    }
}
