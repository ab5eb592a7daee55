-- A campaign is an arm: the settings a version was sealed with travel in its plan (or come from an admin override or
-- the curator's configuration). A version records the settings in force, where its policy came from, the records
-- carried over from the previous version and the tokens of each part. Versions sealed before have nulls.

-- ADMIN (the override of /admin/campaigns/{id}/anchor-policy), PLAN (plan.curation.anchorPolicy) or CONFIG
ALTER TABLE dataset_version ADD COLUMN anchor_policy_source VARCHAR(16)
    CHECK (anchor_policy_source IN ('ADMIN', 'PLAN', 'CONFIG'));
-- keep share and carry-over of a tail-preserving version; token budget of a version that spends one (not accumulate)
ALTER TABLE dataset_version ADD COLUMN keep_share DOUBLE PRECISION;
ALTER TABLE dataset_version ADD COLUMN carry_over DOUBLE PRECISION;
ALTER TABLE dataset_version ADD COLUMN token_budget INTEGER;
-- synthetic records of the previous version kept again (counted in synthetic_records; not decisions of this generation)
ALTER TABLE dataset_version ADD COLUMN carried_records INTEGER NOT NULL DEFAULT 0;
-- tokens as the selection counts them (the record's instruction, input and output, tokenized)
ALTER TABLE dataset_version ADD COLUMN synthetic_tokens BIGINT;
ALTER TABLE dataset_version ADD COLUMN carried_tokens BIGINT;
ALTER TABLE dataset_version ADD COLUMN anchor_tokens BIGINT;
ALTER TABLE dataset_version ADD CONSTRAINT dataset_version_carried
    CHECK (carried_records >= 0 AND carried_records <= synthetic_records);
ALTER TABLE dataset_version ADD CONSTRAINT dataset_version_token_budget
    CHECK (token_budget IS NULL OR synthetic_tokens IS NULL OR synthetic_tokens + anchor_tokens <= token_budget);

