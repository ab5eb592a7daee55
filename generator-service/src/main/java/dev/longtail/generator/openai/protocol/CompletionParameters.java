package dev.longtail.generator.openai.protocol;

import java.util.List;

/**
 * What the chat and the text completion request share: the model, the sampling parameters, the stop sequences and
 * whether to stream. Null means not given. Also the constraint messages both requests use.
 */
public sealed interface CompletionParameters permits ChatCompletionRequest, TextCompletionRequest {

    String TEMPERATURE_RANGE = "temperature must be a number in [0.0, 2.0]";
    String TOP_P_POSITIVE = "top_p must be > 0";
    String TOP_P_RANGE = "top_p must be a number in [0.0, 1.0]";
    String MAX_TOKENS_RANGE = "max_tokens must be a number in [1.0, 8192.0]";
    String MAX_COMPLETION_TOKENS_RANGE = "max_completion_tokens must be a number in [1.0, 8192.0]";
    String N_RANGE = "n must be a number in [1.0, 8.0]";
    /** Completions one request may ask for. */
    int MAX_CHOICES = 8;
    /** Tokens one completion may ask for. */
    int MAX_TOKENS = 8192;

    String model();

    Double temperature();

    Double topP();

    Integer maxTokens();

    /** The newer name of {@link #maxTokens()}; wins when both are given. */
    Integer maxCompletionTokens();

    Long seed();

    Integer n();

    List<String> stop();

    Boolean stream();

    StreamOptions streamOptions();
}
