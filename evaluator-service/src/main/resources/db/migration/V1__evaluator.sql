-- The evaluator's state: each campaign's real reference with its generation-0 metrics, the dataset versions
-- received, and one evaluation per version.

CREATE TABLE campaign_reference (
    campaign_id         VARCHAR(36)       PRIMARY KEY,
    generations         INTEGER           NOT NULL,
    reference_seeds     TEXT              NOT NULL,
    held_out_seeds      TEXT              NOT NULL,
    distinct1           DOUBLE PRECISION  NOT NULL,
    distinct2           DOUBLE PRECISION  NOT NULL,
    unigram_entropy     DOUBLE PRECISION  NOT NULL,
    tail_coverage       DOUBLE PRECISION  NOT NULL,
    held_out_perplexity DOUBLE PRECISION  NOT NULL,
    mean_words          DOUBLE PRECISION  NOT NULL,
    received_at         TIMESTAMPTZ       NOT NULL
);

-- One row per campaign, locked FOR UPDATE so that both consumers handle one campaign at a time.
CREATE TABLE campaign_lock (
    campaign_id VARCHAR(36) PRIMARY KEY
);

CREATE TABLE dataset_version (
    id                 UUID         PRIMARY KEY,
    campaign_id        VARCHAR(36)  NOT NULL,
    generation         INTEGER      NOT NULL,
    generated          INTEGER      NOT NULL,
    accepted           INTEGER      NOT NULL,
    rejected           INTEGER      NOT NULL,
    failed             INTEGER      NOT NULL,
    rejected_by_reason TEXT         NOT NULL,
    anchor_records     INTEGER      NOT NULL,
    record_count       INTEGER      NOT NULL,
    plan               TEXT         NOT NULL,
    records            TEXT         NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT dataset_version_campaign_generation UNIQUE (campaign_id, generation)
);

CREATE TABLE evaluation (
    id                  UUID              PRIMARY KEY,
    dataset_version_id  UUID              NOT NULL UNIQUE REFERENCES dataset_version (id),
    campaign_id         VARCHAR(36)       NOT NULL,
    generation          INTEGER           NOT NULL,
    distinct1           DOUBLE PRECISION  NOT NULL,
    distinct2           DOUBLE PRECISION  NOT NULL,
    unigram_entropy     DOUBLE PRECISION  NOT NULL,
    tail_coverage       DOUBLE PRECISION  NOT NULL,
    held_out_perplexity DOUBLE PRECISION  NOT NULL,
    mean_words          DOUBLE PRECISION  NOT NULL,
    verdict             VARCHAR(16)       NOT NULL CHECK (verdict IN ('HEALTHY', 'DRIFTING', 'COLLAPSING')),
    reasons             TEXT              NOT NULL,
    adjustments         TEXT              NOT NULL,
    evaluated_at        TIMESTAMPTZ       NOT NULL,
    published_at        TIMESTAMPTZ
);
CREATE INDEX evaluation_campaign_generation ON evaluation (campaign_id, generation);
CREATE INDEX evaluation_unpublished ON evaluation (evaluated_at) WHERE published_at IS NULL;
