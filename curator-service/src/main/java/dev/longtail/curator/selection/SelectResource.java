package dev.longtail.curator.selection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tail-keeping selection under a budget ({@link BudgetSelection}). */
@Path("/api/v1/select")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelectResource {

    private final BudgetSelection selection;

    public SelectResource(BudgetSelection selection) {
        this.selection = selection;
    }

    @POST
    public SelectResponse select(@NotNull @Valid SelectRequest request) {
        return selection.select(request);
    }
}
