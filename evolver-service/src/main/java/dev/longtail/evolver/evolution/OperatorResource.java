package dev.longtail.evolver.evolution;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.longtail.core.evolution.EvolutionOperator;
import dev.longtail.core.evolution.OperatorCatalog;
import dev.longtail.core.evolution.PromptTemplate;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.paging.Page;
import dev.longtail.evolver.paging.PageRequest;

/** The operators a campaign may name ({@code operators}), with their kind and the forms this evolver offers. */
@Path("/api/v1/operators")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    /** One operator: its name, kind, and the template its LLM form uses ({@code name.version}; null: no LLM form). */
    public record OperatorView(String name, String kind, boolean inDefaultSet, List<String> forms, String template) {
    }

    private final EvolutionWiring wiring;
    private final EvolverConfig config;

    public OperatorResource(EvolutionWiring wiring, EvolverConfig config) {
        this.wiring = wiring;
        this.config = config;
    }

    /** The operators in catalogue order, paged like every list ({@code ?page=&size=}). */
    @GET
    public Page<OperatorView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        String version = config.llm().templateVersion();
        boolean llm = wiring.llmAvailable();
        return OperatorCatalog.rules(OperatorCatalog.names()).stream().map((EvolutionOperator op) -> {
            boolean templated = llm && PromptTemplate.exists(op.name(), version);
            return new OperatorView(op.name(), op.kind().name(), OperatorCatalog.DEFAULT_SET.contains(op.name()),
                    templated ? List.of("rule", "llm") : List.of("rule"), templated ? op.name() + "." + version : null);
        }).collect(Collectors.collectingAndThen(Collectors.toList(), all -> Page.slice(all, PageRequest.of(page, size))));
    }
}
