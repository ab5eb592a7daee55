package dev.longtail.contracts;

/** Whether a dataset record is real anchor data or synthetic. */
public enum RecordSource {
    REAL,
    SYNTHETIC
}
