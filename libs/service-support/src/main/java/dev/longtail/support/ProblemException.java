package dev.longtail.support;

import java.util.List;

/** A failure the client can act on, answered with its status and a problem details body. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not Found", "No " + what + " with id " + id, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail, null);
    }

    public static ProblemException badRequest(String detail, List<Problem.Violation> violations) {
        return new ProblemException(400, "Bad Request", detail, violations);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
