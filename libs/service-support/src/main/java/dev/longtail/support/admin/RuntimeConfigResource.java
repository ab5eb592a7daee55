package dev.longtail.support.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/config}: the service's runtime settings (GET), changed with validation (PATCH: a JSON object of key to
 * new value), and their audit log (GET /admin/config/audit), the same on every service.
 */
@Path("/admin/config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuntimeConfigResource {

    private final RuntimeConfig config;
    private final AdminAudit audit;

    public RuntimeConfigResource(RuntimeConfig config, AdminAudit audit) {
        this.config = config;
        this.audit = audit;
    }

    @GET
    public Map<String, Object> get() {
        return config.values();
    }

    /** Changes the named settings only; the answer is every setting as it now stands. */
    @PATCH
    public Map<String, Object> patch(Map<String, Object> changes, @Context SecurityContext security) {
        return config.change(changes, Actors.of(security));
    }

    /** The newest changes first: who, when, key, value before and after. */
    @GET
    @Path("/audit")
    public List<AdminAudit.Entry> audit(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Pages.check(limit, offset);
        return audit.list(RuntimeConfig.CHANGE, limit, offset);
    }
}
