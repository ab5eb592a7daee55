-- The evolver's schema: seed sets, campaigns, the seed pool with lineage, and one row per generation.

-- A named collection of real seeds, uploaded as JSONL or bundled (the demo set).
CREATE TABLE seed_set (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE seed_set_seed (
    pk           BIGSERIAL    PRIMARY KEY,
    seed_set_id  VARCHAR(64)  NOT NULL REFERENCES seed_set (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    seed_id      VARCHAR(200) NOT NULL,
    category     VARCHAR(100) NOT NULL,
    instruction  TEXT         NOT NULL,
    input        TEXT         NOT NULL,
    output       TEXT         NOT NULL,
    CONSTRAINT seed_set_seed_id_unique UNIQUE (seed_set_id, seed_id)
);

CREATE INDEX seed_set_seed_by_set ON seed_set_seed (seed_set_id, position);

-- One closed-loop run. Rows are locked FOR UPDATE to serialise a campaign's consumers.
CREATE TABLE campaign (
    id                     UUID         PRIMARY KEY,
    name                   VARCHAR(200) NOT NULL,
    seed_set_id            VARCHAR(64)  NOT NULL REFERENCES seed_set (id),
    status                 VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    failure_reason         TEXT,
    generations            INTEGER      NOT NULL CHECK (generations BETWEEN 1 AND 50),
    samples_per_generation INTEGER      NOT NULL CHECK (samples_per_generation BETWEEN 1 AND 5000),
    random_seed            BIGINT       NOT NULL,
    current_generation     INTEGER      NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ  NOT NULL,
    -- CampaignStarted went out (NULL: the publish sweep retries it)
    started_published_at   TIMESTAMPTZ
);

-- The seed pool with lineage: real reference seeds (generation 0), held-out seeds (read only by the
-- evaluator), and evolved seeds, whose output is set once the curator accepts their sample.
CREATE TABLE pool_seed (
    pk           BIGSERIAL    PRIMARY KEY,
    campaign_id  UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    seed_id      VARCHAR(300) NOT NULL,
    generation   INTEGER      NOT NULL,
    ordinal      INTEGER      NOT NULL,
    parent_id    VARCHAR(300),
    operator     VARCHAR(64),
    kind         VARCHAR(16),
    category     VARCHAR(100) NOT NULL,
    instruction  TEXT         NOT NULL,
    input        TEXT         NOT NULL,
    output       TEXT,
    origin       VARCHAR(16)  NOT NULL CHECK (origin IN ('REAL', 'EVOLVED')),
    held_out     BOOLEAN      NOT NULL DEFAULT FALSE,
    accepted_at  TIMESTAMPTZ,
    CONSTRAINT pool_seed_id_unique UNIQUE (campaign_id, seed_id),
    CONSTRAINT pool_seed_real_has_output CHECK (origin = 'EVOLVED' OR output IS NOT NULL)
);

CREATE INDEX pool_seed_by_generation ON pool_seed (campaign_id, generation, ordinal);

-- One generation of a campaign: its plan, what evolution made of the pool, the sealed dataset version
-- (whose records are the next generation's training corpus) and the evaluation.
CREATE TABLE generation (
    pk                        BIGSERIAL   PRIMARY KEY,
    campaign_id               UUID        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    generation                INTEGER     NOT NULL,
    -- the plan
    in_breadth_share          DOUBLE PRECISION NOT NULL,
    temperature               DOUBLE PRECISION NOT NULL,
    top_p                     DOUBLE PRECISION NOT NULL,
    max_tokens                INTEGER     NOT NULL,
    sampling_random_seed      BIGINT      NOT NULL,
    evolution_random_seed     BIGINT      NOT NULL,
    anchor_ratio              DOUBLE PRECISION NOT NULL,
    near_duplicate_threshold  DOUBLE PRECISION NOT NULL,
    min_words                 INTEGER     NOT NULL,
    max_words                 INTEGER     NOT NULL,
    -- evolution
    evolved                   INTEGER     NOT NULL,
    eliminated                INTEGER     NOT NULL,
    eliminated_by_reason      TEXT        NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    -- SeedsEvolved went out (NULL: the publish sweep retries it)
    published_at              TIMESTAMPTZ,
    -- the sealed dataset version
    dataset_version_id        VARCHAR(200),
    sealed_generated          INTEGER,
    sealed_accepted           INTEGER,
    sealed_rejected           INTEGER,
    sealed_failed             INTEGER,
    sealed_anchor_records     INTEGER,
    sealed_rejected_by_reason TEXT,
    sealed_records            TEXT,
    sealed_at                 TIMESTAMPTZ,
    -- the evaluation
    evaluation_id             VARCHAR(200),
    verdict                   VARCHAR(16),
    verdict_reasons           TEXT,
    adjustments               TEXT,
    evaluated_at              TIMESTAMPTZ,
    CONSTRAINT generation_unique UNIQUE (campaign_id, generation)
);

CREATE INDEX generation_unpublished ON generation (published_at) WHERE published_at IS NULL;
