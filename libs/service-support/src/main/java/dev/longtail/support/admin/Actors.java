package dev.longtail.support.admin;

import jakarta.ws.rs.core.SecurityContext;

/** Who made an admin request: the authenticated subject (the JWT's {@code sub}), else {@code anonymous}. */
public final class Actors {

    private Actors() {
    }

    public static String of(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            return AdminAudit.ANONYMOUS;
        }
        String name = security.getUserPrincipal().getName();
        return name == null || name.isBlank() ? AdminAudit.ANONYMOUS : name;
    }
}
