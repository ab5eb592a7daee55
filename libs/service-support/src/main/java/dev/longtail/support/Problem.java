package dev.longtail.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with the field or line errors of
 * an invalid request when there are several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One thing wrong with a request: a field, or a line of an uploaded file, and what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, Integer line, String message) {
    }
}
