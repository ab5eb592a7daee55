package dev.longtail.generator.prompt;

/** What a generation asks for; each mode has its own versioned prompt template. */
public enum GenerationMode {
    /** A response to an instruction (and its optional input). */
    RESPONSE("response"),
    /** A new instruction from k in-context examples mixing human and machine seeds (Self-Instruct). */
    SELF_INSTRUCT("self-instruct"),
    /** The same content in other words. */
    REPHRASE("rephrase");

    private final String templateName;

    GenerationMode(String templateName) {
        this.templateName = templateName;
    }

    /** Reads {@code RESPONSE}, {@code response}, {@code self-instruct} or {@code self_instruct}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static GenerationMode parse(String value) {
        for (GenerationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value) || mode.templateName.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode " + value + "; one of RESPONSE, SELF_INSTRUCT, REPHRASE");
    }

    /** The folder of the mode's templates under {@code templates/}. */
    public String templateName() {
        return templateName;
    }
}
