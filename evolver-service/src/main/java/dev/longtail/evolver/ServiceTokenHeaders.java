package dev.longtail.evolver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.longtail.support.auth.AuthConfig;

/**
 * Puts the evolver's own bearer token ({@code longtail.auth.service-token}) on its calls to the generator and the
 * evaluator; adds nothing when none is configured.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private final AuthConfig auth;

    public ServiceTokenHeaders(AuthConfig auth) {
        this.auth = auth;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        auth.serviceToken().filter(token -> !token.isBlank())
                .ifPresent(token -> headers.putSingle("Authorization", "Bearer " + token));
        return headers;
    }
}
