-- The full filter chain: which accepted sample a rejected one duplicates, every stage's score, per-campaign anchor
-- policies, and the generation of each record (accumulating policies carry earlier generations' samples).

ALTER TABLE decision ADD COLUMN duplicate_of VARCHAR(255);
-- JSON object from stage name to score (near-duplicate Jaccard, instruction ROUGE-L, semantic cosine)
ALTER TABLE decision ADD COLUMN scores TEXT;

ALTER TABLE dataset_version ADD COLUMN anchor_policy VARCHAR(32) NOT NULL DEFAULT 'RATIO';

ALTER TABLE dataset_record ADD COLUMN generation INTEGER;

-- How real data enters a campaign's versions; campaigns without a row use the configured default.
CREATE TABLE campaign_policy (
    campaign_id   VARCHAR(36)  PRIMARY KEY,
    anchor_policy VARCHAR(32)  NOT NULL CHECK (anchor_policy IN ('REPLACE', 'RATIO', 'ACCUMULATE', 'ACCUMULATE_SUBSAMPLE')),
    updated_at    TIMESTAMPTZ  NOT NULL
);
