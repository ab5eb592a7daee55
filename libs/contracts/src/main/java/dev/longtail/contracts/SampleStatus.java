package dev.longtail.contracts;

/** Whether the generator produced a sample, or failed to and says why. */
public enum SampleStatus {
    GENERATED,
    FAILED
}
