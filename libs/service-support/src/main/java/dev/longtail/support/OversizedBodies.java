package dev.longtail.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a 413 problem before
 * Quarkus's own check (a bare 413) sees it. A body without a declared length that grows past the limit fails while
 * it is read, and {@link ProblemMappers} answers that one.
 */
@ApplicationScoped
public class OversizedBodies {

    private final long maxBodySize;
    private final ObjectMapper json;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            MemorySize maxBodySize, ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        if (declaredLength(context) <= maxBodySize) {
            context.next();
            return;
        }
        var problem = new Problem("about:blank", "Payload Too Large", 413, "The body is over the limit of "
                + maxBodySize + " bytes (quarkus.http.limits.max-body-size)", context.request().path(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is not read: the connection cannot carry another request after this one
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end(body);
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Quarkus answers a malformed length itself
        }
    }
}
