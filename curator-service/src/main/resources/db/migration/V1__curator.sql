-- The curator's state: the campaigns' anchor pools, every decision, and one dataset version per generation.

-- The reference seeds of a campaign (the anchor pool); the held-out seeds never reach the curator's tables.
CREATE TABLE campaign_reference (
    campaign_id     VARCHAR(36)  PRIMARY KEY,
    reference_seeds TEXT         NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL
);

-- One row per campaign, locked FOR UPDATE so that both consumers handle one campaign at a time.
CREATE TABLE campaign_lock (
    campaign_id VARCHAR(36) PRIMARY KEY
);

-- Every decision on a sample: accepted, rejected (with reason, stage, score, threshold) or failed.
CREATE TABLE decision (
    sample_id       VARCHAR(255)     PRIMARY KEY,
    campaign_id     VARCHAR(36)      NOT NULL,
    generation      INTEGER          NOT NULL,
    generation_size INTEGER          NOT NULL,
    status          VARCHAR(16)      NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED', 'FAILED')),
    reason          VARCHAR(255),
    stage           VARCHAR(64),
    score           DOUBLE PRECISION,
    threshold       DOUBLE PRECISION,
    seed_id         VARCHAR(255),
    parent_seed_id  VARCHAR(255),
    operator        VARCHAR(64),
    category        VARCHAR(255),
    instruction     TEXT,
    input           TEXT,
    output          TEXT,
    fingerprint     VARCHAR(64),
    provenance      TEXT,
    plan            TEXT             NOT NULL,
    decided_at      TIMESTAMPTZ      NOT NULL
);
CREATE INDEX decision_campaign_generation ON decision (campaign_id, generation);

-- A sealed generation: decision counts, the plan it ran with, and when it was published.
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
    plan               TEXT         NOT NULL,
    sealed_at          TIMESTAMPTZ  NOT NULL,
    published_at       TIMESTAMPTZ,
    CONSTRAINT dataset_version_campaign_generation UNIQUE (campaign_id, generation),
    CONSTRAINT dataset_version_counts CHECK (generated = accepted + rejected + failed)
);
CREATE INDEX dataset_version_unpublished ON dataset_version (sealed_at) WHERE published_at IS NULL;

-- The records of a version: accepted synthetic samples and real anchors, in a stable order.
CREATE TABLE dataset_record (
    dataset_version_id UUID          NOT NULL REFERENCES dataset_version (id),
    position           INTEGER       NOT NULL,
    record_id          VARCHAR(255)  NOT NULL,
    source             VARCHAR(16)   NOT NULL CHECK (source IN ('REAL', 'SYNTHETIC')),
    seed_id            VARCHAR(255),
    parent_seed_id     VARCHAR(255),
    operator           VARCHAR(64),
    category           VARCHAR(255),
    instruction        TEXT,
    input              TEXT,
    output             TEXT,
    PRIMARY KEY (dataset_version_id, position),
    CONSTRAINT dataset_record_unique_id UNIQUE (dataset_version_id, record_id)
);
