package dev.longtail.contracts;

/** An event on the wire: it carries the schema version it was written with and its campaign. */
public interface VersionedEvent {
    int schemaVersion();

    String campaignId();
}
