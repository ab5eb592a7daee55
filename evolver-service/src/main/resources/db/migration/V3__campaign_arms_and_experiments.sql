-- Campaign arms and controlled experiments (issue #11).

-- An experiment: arms run over random seeds on one seed set, one campaign per (arm, random seed).
CREATE TABLE experiment (
    id                     UUID         PRIMARY KEY,
    name                   VARCHAR(200) NOT NULL,
    seed_set_id            VARCHAR(64)  NOT NULL REFERENCES seed_set (id),
    generations            INTEGER      NOT NULL CHECK (generations BETWEEN 1 AND 50),
    samples_per_generation INTEGER      NOT NULL CHECK (samples_per_generation BETWEEN 1 AND 5000),
    -- JSON array of the random seeds, in the order the request gave them
    random_seeds           TEXT         NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL
);

CREATE INDEX experiment_by_created ON experiment (created_at DESC);

-- An experiment's arm: its name and settings, every one filled in (the same columns as a campaign's below).
CREATE TABLE experiment_arm (
    pk               BIGSERIAL        PRIMARY KEY,
    experiment_id    UUID             NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    position         INTEGER          NOT NULL,
    name             VARCHAR(40)      NOT NULL,
    anchor_policy    VARCHAR(32)      NOT NULL,
    anchor_ratio     DOUBLE PRECISION NOT NULL,
    feedback         BOOLEAN          NOT NULL,
    keep_share       DOUBLE PRECISION NOT NULL,
    carry_over       DOUBLE PRECISION NOT NULL,
    candidate_factor INTEGER          NOT NULL CHECK (candidate_factor BETWEEN 1 AND 20),
    token_budget     INTEGER,
    temperature      DOUBLE PRECISION NOT NULL,
    top_p            DOUBLE PRECISION NOT NULL,
    CONSTRAINT experiment_arm_name_unique UNIQUE (experiment_id, name)
);

-- A campaign's arm settings, fixed at creation; its experiment and arm when it is one arm run with one random seed.
ALTER TABLE campaign
    ADD COLUMN experiment_id    UUID REFERENCES experiment (id),
    ADD COLUMN arm_name         VARCHAR(40),
    ADD COLUMN anchor_policy    VARCHAR(32),
    ADD COLUMN anchor_ratio     DOUBLE PRECISION,
    ADD COLUMN feedback         BOOLEAN,
    ADD COLUMN keep_share       DOUBLE PRECISION,
    ADD COLUMN carry_over       DOUBLE PRECISION,
    ADD COLUMN candidate_factor INTEGER CHECK (candidate_factor BETWEEN 1 AND 20),
    ADD COLUMN token_budget     INTEGER,
    ADD COLUMN temperature      DOUBLE PRECISION,
    ADD COLUMN top_p            DOUBLE PRECISION,
    ADD CONSTRAINT campaign_arm_seed_unique UNIQUE (experiment_id, arm_name, random_seed);

-- Campaigns from before arms: what generation 1 ran with, feedback on, one sample per kept record; the curator chose
-- the anchor policy, keep share and carry-over, so those stay NULL.
UPDATE campaign c SET
    feedback = TRUE,
    candidate_factor = 1,
    anchor_ratio = COALESCE((SELECT g.anchor_ratio FROM generation g WHERE g.campaign_id = c.id AND g.generation = 1), 0.1),
    temperature = COALESCE((SELECT g.temperature FROM generation g WHERE g.campaign_id = c.id AND g.generation = 1), 1.0),
    top_p = COALESCE((SELECT g.top_p FROM generation g WHERE g.campaign_id = c.id AND g.generation = 1), 0.95);

-- A generation's plan carries the arm's settings (NULL in generations from before arms: the curator's own).
ALTER TABLE generation
    ADD COLUMN anchor_policy    VARCHAR(32),
    ADD COLUMN keep_share       DOUBLE PRECISION,
    ADD COLUMN carry_over       DOUBLE PRECISION,
    ADD COLUMN token_budget     INTEGER,
    ADD COLUMN feedback         BOOLEAN,
    ADD COLUMN candidate_factor INTEGER;
