package dev.longtail.generator.generation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jboss.logging.Logger;

import dev.longtail.contracts.SamplingParameters;
import dev.longtail.core.random.SeedMixer;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.generator.accounting.UsageTally;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.BackendLimiter;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.Delays;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.backend.SamplingSettings;
import dev.longtail.generator.prompt.PromptTemplate;
import dev.longtail.generator.prompt.RenderedPrompt;

/**
 * Runs a batch of items through one backend: renders each item's prompt, derives its seed from the batch's
 * random seed and the item's key, and calls the backend within its limits, at most its concurrency limit at a
 * time. A retryable failure (open circuit, exhausted limits, retries used up) is tried again on the item's
 * {@link RetrySchedule} until its patience runs out; then, or on a permanent failure, the item fails with the
 * reason. Never loses an item.
 */
@ApplicationScoped
public class GenerationRunner {

    public static final String EMPTY_OUTPUT = "empty output";

    private static final Logger LOG = Logger.getLogger(GenerationRunner.class);

    /** One batch: where it runs, with which template and parameters, how patient each item is. */
    public record Batch(GenerationBackend backend, GenerationBackend.Session session, PromptTemplate template,
            SamplingParameters parameters, boolean logprobs, Duration patience) {
    }

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public GenerationRunner(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Outcomes in the order of the items; the tally collects usage for the ledger. */
    public List<GenerationOutcome> run(Batch batch, List<GenerationItem> items, UsageTally tally) {
        int threads = Math.min(items.size(), batch.backend().limiter().maxConcurrency());
        if (threads <= 1) {
            return items.stream().map(item -> count(batch, one(batch, item, tally))).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "longtail-generate-" + batch.backend().name());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GenerationOutcome>> futures = new ArrayList<>(items.size());
            for (GenerationItem item : items) {
                futures.add(pool.submit(() -> count(batch, one(batch, item, tally))));
            }
            List<GenerationOutcome> outcomes = new ArrayList<>(items.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(failed(batch, items.get(i), "generation failed: " + e.getCause(), 0, 0, 0));
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same as {@link #run} without holding a thread while an item waits: each item queues for its backend's
     * slot and budget ({@link BackendLimiter#acquireAsync}, at once when both are free), is sent through the
     * backend's non-blocking call, and after a retryable failure tries again after its schedule's pause on a timer,
     * until its patience runs out. However many items there are, no thread waits for any of them. A backend that can
     * only compute ({@link GenerationBackend.Session#completeAsync} null) computes on {@code worker}, holding its
     * slot, so at most its concurrency limit of workers at a time. Outcomes in the order of the items.
     */
    public CompletionStage<List<GenerationOutcome>> runAsync(Batch batch, List<GenerationItem> items, UsageTally tally,
            Executor worker) {
        List<CompletableFuture<GenerationOutcome>> futures = new ArrayList<>(items.size());
        for (GenerationItem item : items) {
            futures.add(oneAsync(batch, item, tally, worker).thenApply(outcome -> count(batch, outcome)));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** One item, patient for the batch's patience, holding its thread while it waits; never throws. */
    GenerationOutcome one(Batch batch, GenerationItem item, UsageTally tally) {
        Call call = call(batch, item);
        GenerationBackend backend = batch.backend();
        var schedule = new RetrySchedule(batch.patience());
        int attempts = 0;
        while (true) {
            try {
                BackendLimiter.Permit permit = backend.limiter().acquire(call.estimatedTokens(),
                        schedule.limitWait(backend.limitWait()));
                Completion completion;
                try {
                    completion = batch.session().complete(call.request());
                } catch (RuntimeException e) {
                    permit.release(0);
                    throw e;
                }
                attempts += completion.attempts();
                permit.release(completion.promptTokens() + (long) completion.completionTokens());
                return answered(batch, item, call, completion, schedule, attempts, tally);
            } catch (BackendException e) {
                attempts++;
                long pause = pauseAfter(e, batch, item, schedule, tally);
                if (pause < 0) {
                    return failed(batch, item, e.getMessage(), call.seed(), schedule.elapsedMicros(), attempts);
                }
                // the backend is open, limited or failing: wait for it rather than failing the item early
                sleep(pause);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Item %s failed unexpectedly on backend %s", item.key(), backend.name());
                return failed(batch, item, "generation failed: " + e, call.seed(), schedule.elapsedMicros(), attempts + 1);
            }
        }
    }

    /** One item of {@link #runAsync}: what it sends, its retry schedule, and where its outcome goes. */
    private record Pending(Batch batch, GenerationItem item, UsageTally tally, Executor worker, Call call,
            RetrySchedule schedule, CompletableFuture<GenerationOutcome> outcome) {
    }

    private CompletableFuture<GenerationOutcome> oneAsync(Batch batch, GenerationItem item, UsageTally tally,
            Executor worker) {
        var pending = new Pending(batch, item, tally, worker, call(batch, item), new RetrySchedule(batch.patience()),
                new CompletableFuture<>());
        try {
            attempt(pending, 0);
        } catch (RuntimeException e) {
            failUnexpectedly(pending, 0, e);
        }
        return pending.outcome();
    }

    /** One try: queue for a slot and budget (as long as {@link #one} would wait), then call. */
    private void attempt(Pending p, int attemptsSoFar) {
        GenerationBackend backend = p.batch().backend();
        backend.limiter().acquireAsync(p.call().estimatedTokens(), p.schedule().limitWait(backend.limitWait()))
                .whenComplete((permit, error) -> {
                    try {
                        if (error != null) {
                            retryOrFail(p, error, attemptsSoFar);
                        } else {
                            send(p, permit, attemptsSoFar);
                        }
                    } catch (RuntimeException e) {
                        if (permit != null) {
                            permit.release(0);
                        }
                        failUnexpectedly(p, attemptsSoFar, e);
                    }
                });
    }

    private void send(Pending p, BackendLimiter.Permit permit, int attemptsSoFar) {
        GenerationBackend.Session session = p.batch().session();
        CompletionStage<Completion> answer;
        try {
            answer = session.completeAsync(p.call().request());
            if (answer == null) {
                answer = CompletableFuture.supplyAsync(() -> session.complete(p.call().request()), p.worker());
            }
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((completion, error) -> {
            try {
                if (error == null) {
                    permit.release(completion.promptTokens() + (long) completion.completionTokens());
                    p.outcome().complete(answered(p.batch(), p.item(), p.call(), completion, p.schedule(),
                            attemptsSoFar + completion.attempts(), p.tally()));
                } else {
                    permit.release(0);
                    retryOrFail(p, error, attemptsSoFar);
                }
            } catch (RuntimeException e) {
                // never leave the caller waiting for an outcome, nor the slot taken (releasing twice is a no-op)
                permit.release(0);
                failUnexpectedly(p, attemptsSoFar + 1, e);
            }
        });
    }

    /** A failed try: the item fails, or (retryable, patience left) tries again after its schedule's pause. */
    private void retryOrFail(Pending p, Throwable error, int attemptsSoFar) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        int attempts = attemptsSoFar + 1;
        if (!(cause instanceof BackendException e)) {
            LOG.warnf(cause, "Item %s failed unexpectedly on backend %s", p.item().key(), p.batch().backend().name());
            failUnexpectedly(p, attempts, cause);
            return;
        }
        long pause = pauseAfter(e, p.batch(), p.item(), p.schedule(), p.tally());
        if (pause < 0) {
            p.outcome().complete(failed(p.batch(), p.item(), e.getMessage(), p.call().seed(),
                    p.schedule().elapsedMicros(), attempts));
            return;
        }
        // open, limited or failing: try again later, as run() would, but on a timer instead of a sleeping thread
        Delays.after(pause, () -> {
            try {
                attempt(p, attempts);
            } catch (RuntimeException again) {
                failUnexpectedly(p, attempts, again);
            }
        });
    }

    /**
     * Books a failed request and says what comes next, the same on both paths: the nanoseconds to pause before the
     * next try, or -1 when the item fails now (a permanent failure, or its patience ran out).
     */
    private static long pauseAfter(BackendException e, Batch batch, GenerationItem item, RetrySchedule schedule,
            UsageTally tally) {
        GenerationBackend backend = batch.backend();
        tally.add(backend.name(), backend.model(), true, 0, 0, 0, 0);
        long pause = e.retryable() ? schedule.nextPauseNanos() : -1;
        if (pause < 0) {
            LOG.debugf("Item %s failed on backend %s: %s", item.key(), backend.name(), e.getMessage());
        }
        return pause;
    }

    /** The item fails with an unexpected error; completing an outcome twice keeps the first. */
    private static void failUnexpectedly(Pending p, int attempts, Throwable e) {
        p.outcome().complete(failed(p.batch(), p.item(), "generation failed: " + e, p.call().seed(),
                p.schedule().elapsedMicros(), attempts));
    }

    /** An item, counted in the metrics: item latency by outcome, tokens by kind. */
    private GenerationOutcome count(Batch batch, GenerationOutcome outcome) {
        String backend = batch.backend().name();
        String mode = batch.template().mode().name();
        String result = outcome.generated() ? "generated" : "failed";
        // looked up once per tag set: building and registering meters on every item cost more than the recording
        timers.computeIfAbsent(backend + '\u0000' + mode + '\u0000' + result, k -> Timer.builder("longtail.generator.items")
                .description("Items generated, with latency over all attempts and waits")
                .tag("backend", backend).tag("mode", mode).tag("outcome", result).register(meters))
                .record(outcome.provenance().latencyMicros(), TimeUnit.MICROSECONDS);
        tokens(backend, "prompt").increment(outcome.provenance().promptTokens());
        tokens(backend, "completion").increment(outcome.provenance().completionTokens());
        return outcome;
    }

    private Counter tokens(String backend, String kind) {
        return counters.computeIfAbsent(backend + '\u0000' + kind, k -> Counter.builder("longtail.generator.tokens")
                .description("Tokens used by generation").tag("backend", backend).tag("kind", kind).register(meters));
    }

    /** What one item sends: the rendered prompt with its derived seed, and the tokens to reserve for it. */
    private record Call(CompletionRequest request, long seed, long estimatedTokens) {
    }

    private static Call call(Batch batch, GenerationItem item) {
        SamplingParameters p = batch.parameters();
        RenderedPrompt prompt = batch.template().render(item.values());
        long seed = SeedMixer.derive(p.randomSeed(), item.key());
        var request = new CompletionRequest(prompt.messages(), prompt.prompt(),
                new SamplingSettings(p.temperature(), p.topP(), p.maxTokens(), seed), batch.logprobs());
        return new Call(request, seed, Tokenizer.tokenize(prompt.prompt()).size() + (long) p.maxTokens());
    }

    /** A completion as the item's outcome: usage tallied, provenance with latency since the item started. */
    private static GenerationOutcome answered(Batch batch, GenerationItem item, Call call, Completion completion,
            RetrySchedule schedule, int attempts, UsageTally tally) {
        GenerationBackend backend = batch.backend();
        tally.add(backend.name(), backend.model(), false, completion.promptTokens(), completion.completionTokens(),
                backend.promptCostPerMillion(), backend.completionCostPerMillion());
        var provenance = provenance(batch, call.seed(), schedule.elapsedMicros(), completion.promptTokens(),
                completion.completionTokens(), attempts, completion);
        if (completion.text() == null || completion.text().isBlank()) {
            return new GenerationOutcome(item, null, EMPTY_OUTPUT, provenance, completion.logprobs());
        }
        return new GenerationOutcome(item, completion.text(), null, provenance, completion.logprobs());
    }

    private static GenerationOutcome failed(Batch batch, GenerationItem item, String reason, long seed, long latency,
            int attempts) {
        return new GenerationOutcome(item, null, reason, provenance(batch, seed, latency, 0, 0, attempts, null), null);
    }

    private static SampleProvenance provenance(Batch batch, long seed, long latencyMicros, int promptTokens,
            int completionTokens, int attempts, Completion completion) {
        SamplingParameters p = batch.parameters();
        Double meanLogprob = null;
        if (completion != null && completion.logprobs() != null && !completion.logprobs().isEmpty()) {
            meanLogprob = completion.logprobs().stream().mapToDouble(t -> t.logprob()).average().orElse(Double.NaN);
        }
        String model = completion != null && completion.model() != null ? completion.model() : batch.backend().model();
        return new SampleProvenance(batch.backend().name(), model, batch.template().mode().name(),
                batch.template().id(), p.temperature(), p.topP(), p.maxTokens(), p.randomSeed(), seed, latencyMicros,
                promptTokens, completionTokens, attempts, completion == null ? null : completion.finishReason(),
                meanLogprob);
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the backend", e);
        }
    }
}
