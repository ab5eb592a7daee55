package dev.longtail.generator.openai.server;

/** A request the OpenAI-compatible endpoints refuse: the status, OpenAI's error code and the parameter at fault. */
final class OpenAiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String param;

    OpenAiException(int status, String code, String message, String param) {
        super(message);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The request field at fault, or null. */
    String param() {
        return param;
    }
}
