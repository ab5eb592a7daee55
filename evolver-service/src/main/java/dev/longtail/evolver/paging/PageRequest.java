package dev.longtail.evolver.paging;

import java.util.ArrayList;
import java.util.List;

import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * Which page of a list a client asked for ({@code ?page=&size=}, both optional): page numbers run from 0 to
 * {@value #MAX_PAGE} (so that the first item's index stays an int), a page holds 1 to {@value #MAX_SIZE} items
 * ({@value #DEFAULT_SIZE} unless asked). Read from the raw query values, so that a
 * value that is not a number is a 400 problem naming the parameter (a typed parameter would answer 404).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE - 1;

    /** The page the query values ask for, or a 400 problem naming every bad one. */
    public static PageRequest of(String page, String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        int p = parse("page", page, 0, 0, MAX_PAGE, violations);
        int s = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Bad paging parameters: " + String.join("; ",
                    violations.stream().map(v -> v.field() + " " + v.message()).toList()), violations);
        }
        return new PageRequest(p, s);
    }

    /** The index of the first item of this page. */
    public long offset() {
        return (long) page * size;
    }

    private static int parse(String name, String value, int absent, int min, int max,
            List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        violations.add(new Problem.Violation(name, null, "must be a whole number from " + min + " to " + max
                + ", was '" + value + "'"));
        return absent;
    }
}
