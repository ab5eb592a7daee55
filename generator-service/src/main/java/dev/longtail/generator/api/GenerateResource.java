package dev.longtail.generator.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.longtail.core.lm.Sampling;
import dev.longtail.generator.embedded.EmbeddedBackend;
import dev.longtail.generator.embedded.SampleSeeds;
import io.smallrye.common.annotation.Blocking;

/**
 * Generation without a campaign: trains the embedded model on the request's corpus and answers each
 * instruction. The same request with the same random seed gives the same samples.
 */
@Path("/api/v1/generate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GenerateResource {

    private final EmbeddedBackend backend;

    public GenerateResource(EmbeddedBackend backend) {
        this.backend = backend;
    }

    @POST
    @Blocking
    public GenerateResponse generate(@NotNull @Valid GenerateRequest request) {
        var model = backend.train(request.trainingCorpus().stream()
                .map(e -> new EmbeddedBackend.Example(e.instruction(), e.input(), e.output()))
                .toList());
        var parameters = request.sampling();
        var sampling = new Sampling(parameters.temperature(), parameters.topP(), parameters.maxTokens());
        List<GenerateResponse.Sample> samples = new ArrayList<>(request.instructions().size());
        for (int i = 0; i < request.instructions().size(); i++) {
            String instruction = request.instructions().get(i);
            // keyed by position, so that the same instruction asked twice gets two independent samples
            var completion = backend.complete(model, instruction, "", sampling,
                    SampleSeeds.rng(parameters.randomSeed(), "instruction-" + i));
            samples.add(new GenerateResponse.Sample(instruction, completion.output(), completion.tokens(),
                    completion.latencyMicros()));
        }
        return new GenerateResponse(backend.name(), backend.model(), samples);
    }
}
