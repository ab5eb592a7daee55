package dev.longtail.evaluator.upload;

import dev.longtail.support.Problem;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A platform's own dataset scored against its own reference, outside any campaign. Rooted at /api/v1 like the
 * report: a root path of /api/v1/evaluations would take every /api/v1/evaluations/{id} request away from it.
 */
@Path("/api/v1")
public class UploadResource {

    private final UploadEvaluations uploads;

    public UploadResource(UploadEvaluations uploads) {
        this.uploads = uploads;
    }

    /**
     * Multipart form: {@code dataset} and {@code reference} (JSONL, required), {@code heldOut} (JSONL, optional:
     * else every fifth reference record is held out). Answered synchronously with every metric.
     */
    @POST
    @Path("/evaluations")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public UploadEvaluations.UploadEvaluation evaluate(@Valid UploadForm form) {
        return uploads.evaluate(form.dataset, form.reference, form.heldOut);
    }

    /**
     * A missing part answers 400 saying which part is missing: the service-wide mapper's detail ("The request is
     * invalid") names no field, and a client uploading files reads the detail first.
     */
    @ServerExceptionMapper
    public Response missingPart(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNode(v.getPropertyPath().toString()), null, v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(Problem.Violation::message).collect(Collectors.joining("; "));
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Bad Request", 400, detail, uri.getPath(), violations)).build();
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }
}
