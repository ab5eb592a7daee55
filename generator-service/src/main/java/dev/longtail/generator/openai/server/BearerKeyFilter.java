package dev.longtail.generator.openai.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.longtail.generator.GeneratorConfig;

/**
 * Lets a request reach the OpenAI-compatible endpoints only with the configured API key: without a key configured
 * they are open (as a local vLLM is); with one, {@code Authorization: Bearer <key>} must match it exactly (compared
 * in constant time), else 401 {@code invalid_api_key}. While the endpoints are disabled it answers 404 first, so
 * that a disabled server tells nothing about its key. Runs before the body is read.
 * <p>
 * Application-scoped, not a provider's default singleton: Quarkus REST creates its filters while the application is
 * built, before the runtime configuration exists; the scope's proxy defers this filter's creation to its first use.
 */
@ApplicationScoped
@Provider
@OpenAiEndpoint
@Priority(Priorities.AUTHENTICATION)
public class BearerKeyFilter implements ContainerRequestFilter {

    private final GeneratorConfig.Serving config;

    public BearerKeyFilter(GeneratorConfig config) {
        this.config = config.serving();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.enabled()) {
            request.abortWith(OpenAiErrors.response(404, "not_found", "the OpenAI-compatible endpoints are disabled",
                    null));
        } else if (!authorized(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(OpenAiErrors.response(401, "invalid_api_key",
                    "a valid API key is required (Authorization: Bearer ...)", null));
        }
    }

    private boolean authorized(String authorization) {
        return config.apiKey().filter(key -> !key.isBlank())
                .map(key -> MessageDigest.isEqual(("Bearer " + key).getBytes(StandardCharsets.UTF_8),
                        (authorization == null ? "" : authorization).getBytes(StandardCharsets.UTF_8)))
                .orElse(true);
    }
}
