package dev.longtail.generator.api;

import java.util.List;

/** The samples of a one-off generation, with the backend and model that made them. */
public record GenerateResponse(String backend, String model, List<Sample> samples) {

    /** One instruction's response, its length in tokens and its sampling time. */
    public record Sample(String instruction, String output, int tokens, long latencyMicros) {
    }
}
