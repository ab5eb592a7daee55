package dev.longtail.generator.prompt;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/** The bundled prompt templates, every version, and which one each mode uses now. */
@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    /** One template version as written. */
    public record Template(String id, String mode, int version, boolean current, List<String> placeholders,
            String system, String user, String prompt) {
    }

    private final PromptTemplates templates;

    public TemplateResource(PromptTemplates templates) {
        this.templates = templates;
    }

    @GET
    public List<Template> list() {
        return templates.all().stream().map(this::describe).toList();
    }

    private Template describe(PromptTemplate t) {
        return new Template(t.id(), t.mode().name(), t.version(), templates.current(t.mode()).version() == t.version(),
                t.placeholders(), t.system(), t.user(), t.prompt());
    }
}
