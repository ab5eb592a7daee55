package dev.longtail.generator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The generator's typed configuration ({@code longtail.generator.*}); docs/generator.md lists every key. */
@ConfigMapping(prefix = "longtail.generator")
public interface GeneratorConfig {

    /** Order n of the embedded Kneser-Ney n-gram model (3 = trigram). */
    @WithDefault("3")
    int ngramOrder();

    /** How long the consumer waits for the broker to acknowledge a generation's samples before it gives up. */
    @WithDefault("60s")
    Duration sendTimeout();

    /** The backend used when neither the request nor the campaign's settings name one. */
    @WithDefault("embedded")
    String defaultBackend();

    /** Limits of the in-process embedded backend. */
    Embedded embedded();

    /** OpenAI-compatible backends by name (vLLM, Ollama, TGI, OpenAI); none by default. */
    Map<String, OpenAiBackend> backends();

    /** Prompt templates: the version of each mode used when a request names none. */
    Templates templates();

    /** Self-Instruct's mix of in-context examples. */
    SelfInstruct selfInstruct();

    /** The synchronous API. */
    Generate generate();

    /** Asynchronous generation jobs. */
    Jobs jobs();

    /** The Kafka loop: how long one sample may wait for a backend that is limited, open or failing. */
    Loop loop();

    /** The generator's own OpenAI-compatible endpoints, serving the embedded model. */
    Serving serving();

    /** Token and cost accounting. */
    Accounting accounting();

    /** The embedded backend's limits. */
    interface Embedded {
        /** Samples generated at once; sampling is CPU-bound. */
        @WithDefault("2")
        int maxConcurrency();

        /** How the embedded model listens to the instruction; docs/generator.md has the model and its measurements. */
        Retrieval retrieval();
    }

    /**
     * Retrieval interpolation (kNN-LM style): the Kneser-Ney model mixed with a model of the responses of the training
     * records whose instructions are nearest to the prompt's. {@code neighbours} 0 or {@code weight} 0 is the plain
     * Kneser-Ney model of before.
     */
    interface Retrieval {
        /** k: training records retrieved per prompt (nearest instructions by Jaccard of content words). */
        @WithDefault("8")
        int neighbours();

        /** λ in [0, 1): the retrieved records' model's weight in the mixture. */
        @WithDefault("0.5")
        double weight();
    }

    /** One OpenAI-compatible server. */
    interface OpenAiBackend {
        /** Base URL including the version path, e.g. {@code http://vllm:8000/v1}. */
        String baseUrl();

        /** The model name the server knows. */
        String model();

        /** Bearer token; supply it from a Kubernetes Secret through an environment variable. Never logged. */
        Optional<String> apiKey();

        /** {@code chat} ({@code /chat/completions}) or {@code completions} ({@code /completions}). */
        @WithDefault("chat")
        Api api();

        /** Ask for per-token log-probabilities (kept when the server returns them). */
        @WithDefault("false")
        boolean logprobs();

        /** Stream the response as server-sent events and assemble it; a stream without its end counts as failed. */
        @WithDefault("false")
        boolean stream();

        /** TCP connect timeout. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Timeout of one attempt (the whole response must arrive within it). */
        @WithDefault("60s")
        Duration requestTimeout();

        /** In-flight requests to this server at most; callers wait for a slot (backpressure, not rejection). */
        @WithDefault("4")
        int maxConcurrency();

        /** Prompt + completion tokens per minute at most; 0 = no limit. */
        @WithDefault("0")
        long tokensPerMinute();

        /** How long a call may wait for a concurrency slot or token budget before it fails. */
        @WithDefault("5m")
        Duration limitWait();

        /** Retries on 429, 5xx, timeouts, transport errors and truncated streams. */
        Retry retry();

        /** The circuit breaker around the server. */
        CircuitBreaker circuitBreaker();

        /** Price in USD per million tokens, for the per-campaign cost account. */
        Cost cost();
    }

    /** The two OpenAI APIs. */
    enum Api {
        chat, completions
    }

    /** Exponential backoff with jitter; a {@code Retry-After} header wins when it asks for longer. */
    interface Retry {
        /** Retries after the first attempt. */
        @WithDefault("4")
        int maxRetries();

        /** First backoff delay; doubles on every retry. */
        @WithDefault("500ms")
        Duration initialDelay();

        /** Upper bound of one backoff delay (and of an honoured Retry-After). */
        @WithDefault("30s")
        Duration maxDelay();

        /** Random share of each delay, in [0, 1]: 0.5 waits between half and the full delay. */
        @WithDefault("0.5")
        double jitter();
    }

    /** Opens after a failure ratio over a rolling window, probes again after a delay. */
    interface CircuitBreaker {
        /** Size of the rolling window of calls. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets a trial call through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    /** Prices per million tokens. */
    interface Cost {
        /** USD per million prompt tokens. */
        @WithDefault("0")
        double promptPerMillion();

        /** USD per million completion tokens. */
        @WithDefault("0")
        double completionPerMillion();
    }

    /** Template versions per mode; empty means the newest bundled version. */
    interface Templates {
        Optional<Integer> responseVersion();

        Optional<Integer> selfInstructVersion();

        Optional<Integer> rephraseVersion();
    }

    /** Self-Instruct (Wang et al. 2023) shows 6 human and 2 machine instructions per prompt. */
    interface SelfInstruct {
        @WithDefault("6")
        int humanExamples();

        @WithDefault("2")
        int machineExamples();
    }

    /** The synchronous {@code POST /api/v1/generate}. */
    interface Generate {
        /** Items per synchronous request; larger batches go to generation jobs. */
        @WithDefault("256")
        int maxItems();

        /** How long one item may wait for a limited, open or failing backend before it is answered as failed. */
        @WithDefault("30s")
        Duration patience();
    }

    /** Asynchronous generation jobs. */
    interface Jobs {
        /** Items per job. */
        @WithDefault("10000")
        int maxItems();

        /** How often a replica looks for queued jobs. */
        @WithDefault("1s")
        String pollEvery();

        /** A running job whose lease is older than this is taken over by another replica (crash recovery). */
        @WithDefault("2m")
        Duration lease();

        /**
         * How long a finished job (succeeded, failed or cancelled) and its samples are kept after it ended; then the
         * cleanup deletes them. Queued and running jobs are never deleted.
         */
        @WithDefault("7d")
        Duration retention();

        /** How often the cleanup of expired jobs runs (every replica; deleting twice is harmless). */
        @WithDefault("1h")
        String cleanupEvery();
    }

    /** Token and cost accounting. */
    interface Accounting {
        /**
         * How often the synchronous API's usage, summed in memory, is written to {@code token_usage} (also on
         * shutdown and before an account is read). A replica killed without a shutdown loses at most this much.
         */
        @WithDefault("1s")
        Duration flushEvery();
    }

    /** The Kafka loop. */
    interface Loop {
        /**
         * How long one sample may keep waiting for a backend whose circuit is open or whose limits are
         * exhausted before it is published as failed with the reason.
         */
        @WithDefault("10m")
        Duration sampleDeadline();
    }

    /** The OpenAI-compatible endpoints ({@code /v1/models}, {@code /v1/completions}, {@code /v1/chat/completions}). */
    interface Serving {
        /** Whether the endpoints answer (404 when off). */
        @WithDefault("true")
        boolean enabled();

        /**
         * The instruction/response pairs (JSON lines with instruction, input, output) the served model is trained
         * on: {@code classpath:...} or a file path.
         */
        @WithDefault("classpath:serving/corpus.jsonl")
        String corpus();

        /** When set, every request must carry {@code Authorization: Bearer <key>}; supply it from a Secret. */
        Optional<String> apiKey();

        /** Default completion length when a request sets no max_tokens. */
        @WithName("default-max-tokens")
        @WithDefault("256")
        int defaultMaxTokens();
    }
}
