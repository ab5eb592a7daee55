package dev.longtail.generator.openai.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.contracts.TrainingText;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.backend.BackendHealth;
import dev.longtail.generator.backend.BackendLimiter;
import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.backend.RetryableBackendException;
import dev.longtail.generator.openai.protocol.ChatCompletionRequest;
import dev.longtail.generator.openai.protocol.Message;
import dev.longtail.generator.openai.protocol.ModelList;
import dev.longtail.generator.openai.protocol.StreamOptions;
import dev.longtail.generator.openai.protocol.TextCompletionRequest;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;

/**
 * A backend on any OpenAI-compatible server (vLLM, Ollama, TGI, OpenAI) through the Quarkus REST client, each
 * call guarded by SmallRye Fault Tolerance: retries with exponential backoff and jitter on 429, 5xx, timeouts,
 * transport errors and truncated streams (honouring Retry-After), a circuit breaker, and a timeout per attempt.
 * The API key goes into the Authorization header only; it is never logged or returned.
 */
public final class OpenAiBackend implements GenerationBackend {

    private static final Logger LOG = Logger.getLogger(OpenAiBackend.class);
    private static final TypeLiteral<CompletionStage<Completion>> ASYNC_COMPLETION = new TypeLiteral<>() {
    };

    private final String name;
    private final GeneratorConfig.OpenAiBackend config;
    private final ObjectMapper mapper;
    private final OpenAiApi api;
    private final String authorization;
    private final Guard guard;
    private final BackendLimiter limiter;
    private final AtomicReference<CircuitBreakerState> breaker = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    public OpenAiBackend(String name, GeneratorConfig.OpenAiBackend config, ObjectMapper mapper) {
        this.name = name;
        this.config = config;
        this.mapper = mapper;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(stripTrailingSlash(config.baseUrl())))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                // a connection for every call the limiter lets through, and one for the health probe: with the
                // client's default pool (50) the 51st concurrent call queued for a connection behind a slow answer
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, config.maxConcurrency() + 1)
                // should someone switch on REST client logging, the key still stays out of the log
                .loggingMaskedHeaders(java.util.Set.of("Authorization"))
                .build(OpenAiApi.class);
        this.authorization = config.apiKey().filter(k -> !k.isBlank()).map(k -> "Bearer " + k).orElse(null);
        this.limiter = new BackendLimiter(config.maxConcurrency(), config.tokensPerMinute());
        var retry = config.retry();
        var cb = config.circuitBreaker();
        long attemptMillis = config.requestTimeout().toMillis() + 1_000;
        long worstCase = (retry.maxRetries() + 1L) * (attemptMillis + retry.maxDelay().toMillis()) + 1_000;
        this.guard = Guard.create()
                .withDescription("OpenAI-compatible backend " + name)
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // RetryBackoff applies the jitter
                    .maxDuration(worstCase, ChronoUnit.MILLIS)
                    .retryOn(List.of(RetryableBackendException.class, TimeoutException.class))
                    .beforeRetry(failure -> LOG.debugf("Backend %s: retrying after %s", name, failure.getMessage()))
                    .withCustomBackoff().strategy(() -> new RetryBackoff(retry.maxDelay().toMillis(), retry.jitter())).done()
                    .done()
                .withCircuitBreaker()
                    .name("longtail-backend-" + name)
                    .requestVolumeThreshold(cb.requestVolumeThreshold())
                    .failureRatio(cb.failureRatio())
                    .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(cb.successThreshold())
                    .failOn(List.of(RetryableBackendException.class, TimeoutException.class))
                    .onStateChange(state -> {
                        breaker.set(state);
                        LOG.infof("Backend %s: circuit breaker %s", name, state);
                    })
                    .done()
                .withTimeout().duration(attemptMillis, ChronoUnit.MILLIS).done()
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public boolean needsTrainingCorpus() {
        return false;
    }

    @Override
    public BackendLimiter limiter() {
        return limiter;
    }

    @Override
    public java.time.Duration limitWait() {
        return config.limitWait();
    }

    @Override
    public double promptCostPerMillion() {
        return config.cost().promptPerMillion();
    }

    @Override
    public double completionCostPerMillion() {
        return config.cost().completionPerMillion();
    }

    /** The server's base URL (no credentials in it). */
    public String baseUrl() {
        return config.baseUrl();
    }

    /** {@code chat} or {@code completions}. */
    public String api() {
        return config.api().name();
    }

    public String circuitBreakerState() {
        return breaker.get().name();
    }

    /** A remote server learns nothing from the corpus: the session is the backend itself, blocking or not. */
    @Override
    public Session open(List<TrainingText> trainingCorpus) {
        return new Session() {
            @Override
            public Completion complete(CompletionRequest request) {
                return OpenAiBackend.this.complete(request);
            }

            @Override
            public CompletionStage<Completion> completeAsync(CompletionRequest request) {
                return OpenAiBackend.this.completeAsync(request);
            }
        };
    }

    /** Probes {@code GET /models} outside the guard, so that health tells the truth while the breaker is open. */
    @Override
    public BackendHealth health() {
        long start = System.nanoTime();
        try (Response response = api.models(authorization)) {
            String body = response.readEntity(String.class);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.getStatus() != 200) {
                return new BackendHealth(false, circuitBreakerState(), millis, "GET /models answered HTTP " + response.getStatus());
            }
            ModelList models = mapper.readValue(body, ModelList.class);
            boolean listed = models != null && models.data() != null
                    && models.data().stream().anyMatch(m -> config.model().equals(m.id()));
            return new BackendHealth(true, circuitBreakerState(), millis,
                    listed ? "serves " + config.model() : "answers, but does not list model " + config.model());
        } catch (Exception e) {
            return new BackendHealth(false, circuitBreakerState(), (System.nanoTime() - start) / 1_000_000,
                    "unreachable: " + rootMessage(e));
        }
    }

    /** The last failure's reason, or null. */
    public String lastFailure() {
        return lastFailure.get();
    }

    private Completion complete(CompletionRequest request) {
        boolean chat = config.api() == GeneratorConfig.Api.chat;
        String body = json(body(request, chat));
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        try {
            Completion completion = guard.call(() -> attempt(request, body, chat, attempts), Completion.class);
            return completion.measured((System.nanoTime() - start) / 1_000, attempts.get());
        } catch (Exception e) {
            throw failure(e, attempts.get());
        }
    }

    /**
     * The same call without blocking: the same guard (one circuit breaker and retry policy for both ways of
     * calling), the REST client's asynchronous variant, and the same classification of every failure.
     */
    private CompletionStage<Completion> completeAsync(CompletionRequest request) {
        boolean chat = config.api() == GeneratorConfig.Api.chat;
        String body = json(body(request, chat));
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        CompletionStage<Completion> guarded;
        try {
            guarded = guard.call(() -> attemptAsync(request, body, chat, attempts), ASYNC_COMPLETION);
        } catch (Exception e) {
            guarded = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Completion> result = new CompletableFuture<>();
        guarded.whenComplete((completion, error) -> {
            if (error == null) {
                result.complete(completion.measured((System.nanoTime() - start) / 1_000, attempts.get()));
            } else {
                result.completeExceptionally(failure(unwrap(error), attempts.get()));
            }
        });
        return result;
    }

    /** Every way a guarded call can fail, as the {@link BackendException} the runner understands. */
    private BackendException failure(Throwable e, int attempts) {
        if (e instanceof BackendException b) {
            lastFailure.set(b.getMessage());
            return attempts > 1
                    ? new BackendException(b.getMessage() + " (after " + attempts + " attempts)", b.retryable(),
                            b.retryAfterMillis(), b)
                    : b;
        }
        if (e instanceof CircuitBreakerOpenException) {
            return new RetryableBackendException("circuit breaker open for backend " + name, -1, e);
        }
        if (e instanceof TimeoutException) {
            lastFailure.set("timed out");
            return new RetryableBackendException("timed out after " + attempts + " attempts of "
                    + config.requestTimeout(), -1, e);
        }
        lastFailure.set(rootMessage(e));
        return new BackendException("backend " + name + " failed: " + rootMessage(e), false, -1, e);
    }

    private Completion attempt(CompletionRequest request, String body, boolean chat, AtomicInteger attempts) {
        attempts.incrementAndGet();
        long start = System.nanoTime();
        try (Response response = chat ? api.chatCompletions(authorization, body) : api.completions(authorization, body)) {
            return read(request, response, chat, start);
        } catch (ProcessingException e) {
            throw transportError(e);
        }
    }

    private CompletionStage<Completion> attemptAsync(CompletionRequest request, String body, boolean chat,
            AtomicInteger attempts) {
        attempts.incrementAndGet();
        long start = System.nanoTime();
        CompletableFuture<Completion> result = new CompletableFuture<>();
        CompletionStage<Response> call;
        try {
            call = chat ? api.chatCompletionsAsync(authorization, body) : api.completionsAsync(authorization, body);
        } catch (ProcessingException e) {
            return CompletableFuture.failedFuture(transportError(e));
        }
        // fail with the bare exception: the guard's retry and breaker look at its type
        call.whenComplete((response, error) -> {
            if (error != null) {
                // the asynchronous client reports a refused, reset, timed-out or cut-off exchange as it found it
                // (not always wrapped in a ProcessingException): every failure of the exchange itself is transport
                Throwable cause = unwrap(error);
                result.completeExceptionally(cause instanceof BackendException ? cause : transportError(cause));
                return;
            }
            try (response) {
                result.complete(read(request, response, chat, start));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Connection refused or reset, read timeout, a body cut off mid-transfer: another attempt may work. */
    private static RetryableBackendException transportError(Throwable e) {
        return new RetryableBackendException("transport error: " + rootMessage(e), -1, e);
    }

    private Completion read(CompletionRequest request, Response response, boolean chat, long start) {
        String text = response.readEntity(String.class);
        OpenAiResponses.checkStatus(response.getStatus(), text, response.getHeaderString("Retry-After"),
                response.getHeaderString("retry-after-ms"));
        OpenAiResponses.Answer answer = config.stream() ? OpenAiResponses.parseStream(mapper, text, chat)
                : OpenAiResponses.parse(mapper, text, chat);
        int promptTokens = answer.promptTokens() != null ? answer.promptTokens() : estimateTokens(request);
        int completionTokens = answer.completionTokens() != null ? answer.completionTokens()
                : Tokenizer.tokenize(answer.text()).size();
        return new Completion(answer.text().strip(), promptTokens, completionTokens, (System.nanoTime() - start) / 1_000,
                answer.finishReason(), answer.logprobs(), answer.model() != null ? answer.model() : config.model(), 1);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The request body: the prompt in the API's shape, the sampling settings, one choice, what to ask for. */
    private Object body(CompletionRequest request, boolean chat) {
        var sampling = request.sampling();
        boolean logprobs = request.logprobs() || config.logprobs();
        Boolean stream = config.stream() ? Boolean.TRUE : null;
        StreamOptions streamOptions = config.stream() ? new StreamOptions(true) : null;
        if (chat) {
            List<Message> messages = request.messages().stream()
                    .map(m -> new Message(m.role(), m.content())).toList();
            return new ChatCompletionRequest(config.model(), messages, sampling.temperature(), sampling.topP(),
                    sampling.maxTokens(), null, sampling.seed(), 1, logprobs ? Boolean.TRUE : null, null, stream,
                    streamOptions);
        }
        return new TextCompletionRequest(config.model(), request.prompt(), sampling.temperature(), sampling.topP(),
                sampling.maxTokens(), null, sampling.seed(), 1, logprobs ? 1 : null, null, stream, streamOptions);
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    /** A rough prompt size when the server reports no usage: the shared tokenizer's count. */
    static int estimateTokens(CompletionRequest request) {
        return request.messages().stream().mapToInt(m -> Tokenizer.tokenize(m.content()).size()).sum();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
