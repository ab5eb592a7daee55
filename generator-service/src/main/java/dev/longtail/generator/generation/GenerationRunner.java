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
import dev.longtail.core.text.Tokenizer;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.BackendLimiter;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.backend.SamplingSettings;
import dev.longtail.generator.embedded.SampleSeeds;
import dev.longtail.generator.prompt.PromptTemplate;
import dev.longtail.generator.prompt.RenderedPrompt;

/**
 * Runs a batch of items through one backend: renders each item's prompt, derives its seed from the batch's
 * random seed and the item's key, and calls the backend within its limits, at most its concurrency limit at a
 * time. A retryable failure (open circuit, exhausted limits, retries used up) is tried again until the item's
 * patience runs out; then, or on a permanent failure, the item fails with the reason. Never loses an item.
 */
@ApplicationScoped
public class GenerationRunner {

    public static final String EMPTY_OUTPUT = "empty output";

    private static final Logger LOG = Logger.getLogger(GenerationRunner.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

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
            return items.stream().map(item -> measured(batch, item, tally)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "longtail-generate-" + batch.backend().name());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GenerationOutcome>> futures = new ArrayList<>(items.size());
            for (GenerationItem item : items) {
                futures.add(pool.submit(() -> measured(batch, item, tally)));
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

    /** One item, counted in the metrics: item latency by outcome, tokens by kind. */
    private GenerationOutcome measured(Batch batch, GenerationItem item, UsageTally tally) {
        return count(batch, one(batch, item, tally));
    }

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

    /**
     * The same as {@link #run} without holding a thread while a backend answers: each item whose backend can
     * answer without blocking and has a free slot and budget right now is sent at once; an item that must wait
     * (no slot, no budget, a backend that computes) or whose first call failed with a retryable error continues on
     * {@code worker} exactly as {@link #run} would, with the patience it has left. Outcomes in the order of the items.
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

    private CompletableFuture<GenerationOutcome> oneAsync(Batch batch, GenerationItem item, UsageTally tally,
            Executor worker) {
        long start = System.nanoTime();
        Call call = call(batch, item);
        GenerationBackend backend = batch.backend();
        BackendLimiter.Permit permit = backend.limiter().tryAcquireNow(call.estimatedTokens());
        CompletionStage<Completion> answer;
        try {
            answer = permit == null ? null : batch.session().completeAsync(call.request());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            if (permit != null) {
                permit.release(0);
            }
            return CompletableFuture.supplyAsync(() -> one(batch, item, tally, start, 0, FIRST_PAUSE), worker);
        }
        CompletableFuture<GenerationOutcome> outcome = new CompletableFuture<>();
        answer.whenComplete((completion, error) -> {
            try {
                settle(batch, item, tally, worker, call, start, permit, completion, error, outcome);
            } catch (RuntimeException e) {
                // never leave the caller waiting for an outcome, nor the slot taken (releasing twice is a no-op)
                permit.release(0);
                outcome.complete(failed(batch, item, "generation failed: " + e, call.seed(),
                        (System.nanoTime() - start) / 1_000, 1));
            }
        });
        return outcome;
    }

    /** The outcome of an asynchronous call: answered, failed, or handed to a worker to keep waiting. */
    private void settle(Batch batch, GenerationItem item, UsageTally tally, Executor worker, Call call, long start,
            BackendLimiter.Permit permit, Completion completion, Throwable error,
            CompletableFuture<GenerationOutcome> outcome) {
        GenerationBackend backend = batch.backend();
        if (error == null) {
            permit.release(completion.promptTokens() + (long) completion.completionTokens());
            outcome.complete(answered(batch, item, call, completion, start, completion.attempts(), tally));
            return;
        }
        permit.release(0);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        long latency = (System.nanoTime() - start) / 1_000;
        if (!(cause instanceof BackendException e)) {
            LOG.warnf(cause, "Item %s failed unexpectedly on backend %s", item.key(), backend.name());
            outcome.complete(failed(batch, item, "generation failed: " + cause, call.seed(), latency, 1));
            return;
        }
        tally.add(backend.name(), backend.model(), true, 0, 0, 0, 0);
        long left = start + batch.patience().toNanos() - System.nanoTime();
        if (!e.retryable() || left <= 0) {
            outcome.complete(failed(batch, item, e.getMessage(), call.seed(), latency, 1));
            return;
        }
        // open, limited or failing: wait for it on a worker as run() would, with the patience the item has left
        worker.execute(() -> {
            try {
                sleep(Math.min(left, FIRST_PAUSE.toNanos()));
                outcome.complete(one(batch, item, tally, start, 1, FIRST_PAUSE.multipliedBy(2)));
            } catch (RuntimeException interrupted) {
                outcome.complete(failed(batch, item, "generation failed: " + interrupted.getMessage(), call.seed(),
                        (System.nanoTime() - start) / 1_000, 1));
            }
        });
    }

    private Counter tokens(String backend, String kind) {
        return counters.computeIfAbsent(backend + '\u0000' + kind, k -> Counter.builder("longtail.generator.tokens")
                .description("Tokens used by generation").tag("backend", backend).tag("kind", kind).register(meters));
    }

    /** One item, patient for the batch's patience; never throws. */
    GenerationOutcome one(Batch batch, GenerationItem item, UsageTally tally) {
        return one(batch, item, tally, System.nanoTime(), 0, FIRST_PAUSE);
    }

    /** What one item sends: the rendered prompt with its derived seed, and the tokens to reserve for it. */
    private record Call(CompletionRequest request, long seed, long estimatedTokens) {
    }

    private static Call call(Batch batch, GenerationItem item) {
        SamplingParameters p = batch.parameters();
        RenderedPrompt prompt = batch.template().render(item.values());
        long seed = SampleSeeds.derive(p.randomSeed(), item.key());
        var request = new CompletionRequest(prompt.messages(), prompt.prompt(),
                new SamplingSettings(p.temperature(), p.topP(), p.maxTokens(), seed), batch.logprobs());
        return new Call(request, seed, Tokenizer.tokenize(prompt.prompt()).size() + (long) p.maxTokens());
    }

    /** A completion as the item's outcome: usage tallied, provenance with latency since {@code start}. */
    private static GenerationOutcome answered(Batch batch, GenerationItem item, Call call, Completion completion,
            long start, int attempts, UsageTally tally) {
        GenerationBackend backend = batch.backend();
        tally.add(backend.name(), backend.model(), false, completion.promptTokens(), completion.completionTokens(),
                backend.promptCostPerMillion(), backend.completionCostPerMillion());
        long latency = (System.nanoTime() - start) / 1_000;
        var provenance = provenance(batch, call.seed(), latency, completion.promptTokens(), completion.completionTokens(),
                attempts, completion);
        if (completion.text() == null || completion.text().isBlank()) {
            return new GenerationOutcome(item, null, EMPTY_OUTPUT, provenance, completion.logprobs());
        }
        return new GenerationOutcome(item, completion.text(), null, provenance, completion.logprobs());
    }

    /**
     * One item that started at {@code start} and made {@code attemptsSoFar} calls so far, pausing {@code pause}
     * {@code firstPause} (doubling) after each retryable failure; never throws.
     */
    private GenerationOutcome one(Batch batch, GenerationItem item, UsageTally tally, long start, int attemptsSoFar,
            Duration firstPause) {
        Call call = call(batch, item);
        long seed = call.seed();
        GenerationBackend backend = batch.backend();
        BackendLimiter limiter = backend.limiter();
        long deadline = start + batch.patience().toNanos();
        Duration pause = firstPause;
        int attempts = attemptsSoFar;
        while (true) {
            try {
                // at least a second even without patience, at most the backend's own limit per wait
                Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
                Duration wait = remaining.compareTo(backend.limitWait()) > 0 ? backend.limitWait() : remaining;
                BackendLimiter.Permit permit = limiter.acquire(call.estimatedTokens(), wait);
                Completion completion;
                try {
                    completion = batch.session().complete(call.request());
                } catch (RuntimeException e) {
                    permit.release(0);
                    throw e;
                }
                attempts += completion.attempts();
                permit.release(completion.promptTokens() + (long) completion.completionTokens());
                return answered(batch, item, call, completion, start, attempts, tally);
            } catch (BackendException e) {
                attempts++;
                tally.add(backend.name(), backend.model(), true, 0, 0, 0, 0);
                long left = deadline - System.nanoTime();
                if (!e.retryable() || left <= 0) {
                    LOG.debugf("Item %s failed on backend %s: %s", item.key(), backend.name(), e.getMessage());
                    return failed(batch, item, e.getMessage(), seed, (System.nanoTime() - start) / 1_000, attempts);
                }
                // the backend is open, limited or failing: wait for it rather than failing the item early
                sleep(Math.min(left, pause.toNanos()));
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Item %s failed unexpectedly on backend %s", item.key(), backend.name());
                return failed(batch, item, "generation failed: " + e, seed, (System.nanoTime() - start) / 1_000, attempts + 1);
            }
        }
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
