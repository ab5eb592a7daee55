package dev.longtail.contracts;

/** One instruction and its response that the generator's embedded model trains on. */
public record TrainingText(String instruction, String input, String output) {
}
