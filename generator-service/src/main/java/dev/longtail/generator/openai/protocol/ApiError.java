package dev.longtail.generator.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** OpenAI's error body, {@code {"error": {"message", "type", "code", "param"}}}, which clients parse. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(Detail error) {

    /** What went wrong, its type ({@code invalid_request_error}, {@code server_error}), a code and the parameter at fault. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String message, String type, String code, String param) {
    }
}
