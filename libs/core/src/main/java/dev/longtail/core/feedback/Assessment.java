package dev.longtail.core.feedback;

import java.util.List;

/** The feedback policy's verdict on a generation, the reasons with their numbers, and the plan changes. */
public record Assessment(Health health, List<String> reasons, List<Change> changes) {

    /** Copies the lists so an assessment cannot change after it is made. */
    public Assessment {
        reasons = List.copyOf(reasons);
        changes = List.copyOf(changes);
    }
}
