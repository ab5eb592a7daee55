package dev.longtail.support;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every error of a service's REST API into {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response mapProblem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public Response mapMalformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Bad Request", "Malformed JSON: " + e.getOriginalMessage(), uri, null);
    }

    /**
     * A body that is JSON but not of the expected shape: a wrong type, an unknown field. Quarkus REST rethrows these
     * as they are, and its own mapper for them answers a bare 400, so this one must be as specific as that.
     */
    @ServerExceptionMapper
    public Response mapMismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(java.util.stream.Collectors.joining("."));
        String detail = e instanceof UnrecognizedPropertyException unknown
                ? "Unknown field " + unknown.getPropertyName() + (field.isEmpty() ? "" : " at " + field)
                : "Invalid JSON value" + (field.isEmpty() ? " for the body" : " at " + field) + ": "
                        + e.getOriginalMessage().replaceAll("(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)", "$1");
        List<Problem.Violation> violations = field.isEmpty() ? null : List.of(new Problem.Violation(field, null,
                e instanceof UnrecognizedPropertyException ? "is not a known field" : "has a value of the wrong type or form"));
        return respond(400, "Bad Request", detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath().toString()), null, v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        // The detail names every field too: a client that reads only the detail still learns what to fix.
        String detail = "The request is invalid: " + violations.stream()
                .map(v -> v.field() + " " + v.message()).collect(java.util.stream.Collectors.joining("; "));
        return respond(400, "Bad Request", detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a body it cannot parse in a 400; say what was wrong with it.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch) {
                return mapMismatchedJson(mismatch, uri);
            }
            if (cause instanceof JsonProcessingException json) {
                return mapMalformedJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        var reason = Response.Status.fromStatusCode(status);
        return respond(status, reason == null ? "Error" : reason.getReasonPhrase(), e.getMessage(), uri, null);
    }

    /** No token, or one that is malformed, expired, signed by another key or from another issuer. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response mapUnauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized",
                        "A valid bearer token is required (Authorization: Bearer <token>); see docs/security.md", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token without a role this path allows. */
    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "The token's roles do not allow " + uri.getPath()
                + (e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage()), uri, null);
    }

    /**
     * A multipart body that ends before its closing boundary fails in Quarkus REST's form parser with a bare
     * IOException: that one is the client's (400); any other IOException is the service's own failure.
     */
    @ServerExceptionMapper
    public Response mapUnreadableBody(java.io.IOException e, UriInfo uri) {
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0 && frames[0].getClassName().startsWith(MULTIPART_PARSER)) {
            return respond(400, "Bad Request", "Malformed multipart body: " + e.getMessage(), uri, null);
        }
        return mapUnexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(500, "Internal Server Error", "An unexpected error occurred; it has been logged.", uri, null);
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        var problem = new Problem("about:blank", title, status, detail, uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Drops the method and parameter prefix of a bean-validation path ("create.request.generations"). */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
