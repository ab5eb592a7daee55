package dev.longtail.generator.openai.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the OpenAI-compatible endpoints' bodies as JSON whatever {@code Content-Type} the client sent, as OpenAI
 * clients expect of a server they only ever send JSON (and as {@code curl -d}, which says form-encoded, needs): the
 * endpoints accept any type, and this filter tells the body reader that it is JSON.
 */
@Provider
@OpenAiEndpoint
public class JsonBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity() && !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
