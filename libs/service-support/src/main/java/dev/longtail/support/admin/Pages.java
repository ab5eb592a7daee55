package dev.longtail.support.admin;

import dev.longtail.support.ProblemException;

/** Paging bounds shared by the admin listings: 400 for a limit outside [1, 1000] or a negative offset. */
final class Pages {

    static final int MAX_LIMIT = 1000;

    private Pages() {
    }

    static void check(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be in [1, " + MAX_LIMIT + "], was " + limit);
        }
        if (offset < 0) {
            throw ProblemException.badRequest("offset must be >= 0, was " + offset);
        }
    }
}
