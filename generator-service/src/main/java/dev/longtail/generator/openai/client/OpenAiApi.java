package dev.longtail.generator.openai.client;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of the OpenAI HTTP API the generator uses, relative to a base URL that ends in {@code /v1}. Built per
 * backend with {@code QuarkusRestClientBuilder}; answers are read raw so that every status, header and malformed
 * body is classified by {@link OpenAiResponses}, not by a generic mapper. Bodies (the protocol's request records) go
 * out as JSON text written once per call (not per attempt), which also spares the client a writer lookup on every
 * request.
 */
@RegisterRestClient(configKey = "longtail-openai")
public interface OpenAiApi {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    Response chatCompletions(@HeaderParam("Authorization") String authorization, String body);

    @POST
    @Path("/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    Response completions(@HeaderParam("Authorization") String authorization, String body);

    /** {@link #chatCompletions} without blocking: the stage completes on the client's event loop. */
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    CompletionStage<Response> chatCompletionsAsync(@HeaderParam("Authorization") String authorization, String body);

    /** {@link #completions} without blocking. */
    @POST
    @Path("/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    CompletionStage<Response> completionsAsync(@HeaderParam("Authorization") String authorization, String body);

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Response models(@HeaderParam("Authorization") String authorization);
}
