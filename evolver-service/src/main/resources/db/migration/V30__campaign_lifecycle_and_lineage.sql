-- Campaign lifecycle (pause, resume, cancel, fork, retry of a failed generation) and lineage (issue #12).

-- PAUSED: no new generation starts until resumed (the one in flight finishes); CANCELLED: none ever again.
ALTER TABLE campaign DROP CONSTRAINT IF EXISTS campaign_status_check;
ALTER TABLE campaign ADD CONSTRAINT campaign_status_check
    CHECK (status IN ('RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'));

ALTER TABLE campaign
    -- the generation whose evolution failed (a FAILED campaign's retry target); NULL otherwise
    ADD COLUMN failed_generation    INTEGER,
    -- how many times a failed generation was retried: each retry evolves with a fresh random seed
    ADD COLUMN retries              INTEGER NOT NULL DEFAULT 0,
    -- a fork: the campaign and generation whose pool it started from
    ADD COLUMN forked_from          UUID REFERENCES campaign (id),
    ADD COLUMN forked_at_generation INTEGER,
    -- the backend generation 1 ran with, kept for forks and retries of generation 1 (NULL: the generator's default)
    ADD COLUMN backend              VARCHAR(128),
    ADD COLUMN status_changed_at    TIMESTAMPTZ;

UPDATE campaign c SET backend = (SELECT g.backend FROM generation g WHERE g.campaign_id = c.id AND g.generation = 1);

CREATE INDEX campaign_by_created ON campaign (created_at DESC);
CREATE INDEX campaign_by_status ON campaign (status);

-- The version of the prompt template an LLM-form operator used (NULL: a rule-based operator, or from before them).
ALTER TABLE pool_seed ADD COLUMN IF NOT EXISTS template_version VARCHAR(64);

-- Lineage looks a seed up by its id alone (an evolved seed's id names its campaign; a real seed's may not).
CREATE INDEX IF NOT EXISTS pool_seed_by_seed_id ON pool_seed (seed_id);
