package dev.longtail.generator.openai.server;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.longtail.generator.backend.BackendException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import dev.longtail.generator.openai.protocol.ChatCompletionRequest;
import dev.longtail.generator.openai.protocol.ModelList;
import dev.longtail.generator.openai.protocol.TextCompletionRequest;
import io.smallrye.common.annotation.Blocking;

/**
 * The embedded model behind the OpenAI HTTP API ({@code /v1/models}, {@code /v1/completions},
 * {@code /v1/chat/completions}, JSON or server-sent events), so that any OpenAI client, and the generator's own
 * OpenAI backend in the build, can use it. Guarded by the {@link BearerKeyFilter}; its errors, and only its, are
 * mapped to OpenAI's {@code {"error": {...}}} shape ({@link OpenAiErrors}) by the mappers declared here, which
 * Quarkus REST applies to this class's endpoints alone.
 */
@Path("/v1")
@OpenAiEndpoint
public class OpenAiCompatibleResource {

    private static final String NOT_AN_OBJECT = "the body must be a JSON object";

    private final OpenAiCompletionService completions;

    public OpenAiCompatibleResource(OpenAiCompletionService completions) {
        this.completions = completions;
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    public ModelList models() {
        return completions.models();
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response chatCompletions(@NotNull(message = NOT_AN_OBJECT) @Valid ChatCompletionRequest request) {
        return respond(completions.chat(request));
    }

    @POST
    @Path("/completions")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response completions(@NotNull(message = NOT_AN_OBJECT) @Valid TextCompletionRequest request) {
        return respond(completions.complete(request));
    }

    private static Response respond(OpenAiCompletionService.Answer answer) {
        if (answer.eventStream() != null) {
            return Response.ok(answer.eventStream(), MediaType.SERVER_SENT_EVENTS).header("Cache-Control", "no-cache")
                    .build();
        }
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON).build();
    }

    @ServerExceptionMapper
    Response refused(OpenAiException e) {
        return OpenAiErrors.of(e);
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        return OpenAiErrors.of(e);
    }

    @ServerExceptionMapper
    Response unreadable(JsonProcessingException e) {
        return OpenAiErrors.of(e);
    }

    /** Quarkus REST wraps a body it cannot read; what matters is why it could not. */
    @ServerExceptionMapper
    Response rejected(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return OpenAiErrors.of(json);
            }
        }
        int status = e.getResponse().getStatus();
        return status >= 500 ? OpenAiErrors.unexpected(e) : OpenAiErrors.response(status, "invalid_request_error",
                e.getMessage(), null);
    }

    @ServerExceptionMapper
    Response unsampleable(BackendException e) {
        return OpenAiErrors.of(e);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    Response unauthenticated(RuntimeException e) {
        return OpenAiErrors.unauthenticated();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return OpenAiErrors.forbidden();
    }

    @ServerExceptionMapper
    Response failed(Exception e) {
        return OpenAiErrors.unexpected(e);
    }
}
