package dev.longtail.generator.openai.server;

import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import dev.longtail.generator.backend.BackendException;
import dev.longtail.generator.openai.protocol.ApiError;

/**
 * Maps every failure of the OpenAI-compatible endpoints to OpenAI's error body, which OpenAI clients parse (never to
 * the problem documents of the rest of the API): a refused request with its status and code, a violated constraint
 * (400, code {@code invalid_value} for a number out of range), a body that is no JSON object (400), a failure of the
 * model (400 when the request cannot be sampled, else 500, logged). One error per answer, as OpenAI gives.
 */
final class OpenAiErrors {

    private static final Logger LOG = Logger.getLogger(OpenAiErrors.class);
    private static final String INVALID_REQUEST = "invalid_request_error";

    private OpenAiErrors() {
    }

    static Response of(OpenAiException e) {
        return response(e.status(), e.code(), e.getMessage(), e.param());
    }

    /** The first violation by field name; its message is the whole error message. */
    static Response of(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> String.valueOf(param(v.getPropertyPath())))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow();
        var constraint = first.getConstraintDescriptor().getAnnotation();
        boolean outOfRange = constraint instanceof Min || constraint instanceof Max || constraint instanceof DecimalMin
                || constraint instanceof DecimalMax;
        return response(400, outOfRange ? "invalid_value" : INVALID_REQUEST, first.getMessage(),
                param(first.getPropertyPath()));
    }

    /** A body that is not JSON, not an object, or has a field of the wrong type. */
    static Response of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && mapping.getPath().isEmpty()) {
            return response(400, INVALID_REQUEST, "the body must be a JSON object", null);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return response(400, "invalid_value", field + ": " + e.getOriginalMessage(), field);
        }
        return response(400, INVALID_REQUEST, "malformed JSON: " + e.getOriginalMessage(), null);
    }

    /** The model could not sample the request (its parameters): the client's fault. */
    static Response of(BackendException e) {
        return response(400, INVALID_REQUEST, e.getMessage(), null);
    }

    /** No valid token: 401, as OpenAI answers a wrong API key (clients send the token as their API key). */
    static Response unauthenticated() {
        return Response.fromResponse(response(401, "invalid_api_key",
                "a valid bearer token is required (Authorization: Bearer <token>)", null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose roles do not include client or admin. */
    static Response forbidden() {
        return response(403, "insufficient_role", "this token's roles do not allow the OpenAI-compatible API", null);
    }

    /** Anything else is the server's fault: logged, and answered without its details. */
    static Response unexpected(Throwable e) {
        LOG.errorf(e, "The OpenAI-compatible endpoint failed");
        return response(500, "server_error", "the model failed; it has been logged", null);
    }

    static Response response(int status, String code, String message, String param) {
        var error = new ApiError(new ApiError.Detail(message, status >= 500 ? "server_error" : INVALID_REQUEST, code,
                param));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    /** The request field a violation names, as on the wire ({@code top_p}); null for the body itself. */
    private static String param(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(node.getName());
            }
        }
        return null;
    }
}
