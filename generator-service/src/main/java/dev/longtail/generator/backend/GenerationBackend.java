package dev.longtail.generator.backend;

import java.util.List;

import dev.longtail.contracts.TrainingText;

/**
 * A way to turn prompts into text: the embedded n-gram model or an OpenAI-compatible server. The backend is
 * chosen per request or per campaign by {@link #name()}.
 */
public interface GenerationBackend {

    /** The name requests and campaigns choose it by. */
    String name();

    /** {@code embedded} or {@code openai}. */
    String kind();

    /** The model name recorded in provenance. */
    String model();

    /** Whether {@link #open} needs a training corpus (the embedded model learns from it). */
    boolean needsTrainingCorpus();

    /** Concurrency and token limits shared by every caller of this backend. */
    BackendLimiter limiter();

    /** Longest single wait for a concurrency slot or token budget; the caller may wait again within its patience. */
    default java.time.Duration limitWait() {
        return java.time.Duration.ofMinutes(5);
    }

    /** Prices for the cost account. */
    default double promptCostPerMillion() {
        return 0;
    }

    default double completionCostPerMillion() {
        return 0;
    }

    /** Probes the backend now. */
    BackendHealth health();

    /**
     * Prepares one batch: the embedded backend trains on the corpus (which must not be empty); a remote server
     * ignores it. Throws {@link BackendException} when the batch cannot run at all.
     */
    Session open(List<TrainingText> trainingCorpus);

    /** A backend ready to answer the prompts of one batch; safe to call from several threads. */
    interface Session {
        /** One completion, with fault tolerance applied; throws {@link BackendException} with the reason. */
        Completion complete(CompletionRequest request);

        /**
         * The same without blocking the caller, for backends that wait on I/O rather than compute: completes with
         * the completion or fails with a {@link BackendException}. Null when the backend cannot (the embedded model
         * computes, so it runs on a worker thread).
         */
        default java.util.concurrent.CompletionStage<Completion> completeAsync(CompletionRequest request) {
            return null;
        }
    }
}
