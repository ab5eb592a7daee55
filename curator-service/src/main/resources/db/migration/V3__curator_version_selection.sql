-- A version no longer holds every accepted sample: the tail-preserving policy keeps a share of them.
ALTER TABLE dataset_version ADD COLUMN synthetic_records INT;
UPDATE dataset_version v SET synthetic_records =
    (SELECT count(*) FROM dataset_record r WHERE r.dataset_version_id = v.id AND r.source = 'SYNTHETIC');
ALTER TABLE dataset_version ALTER COLUMN synthetic_records SET NOT NULL;
ALTER TABLE dataset_version ADD COLUMN left_out_by_reason TEXT NOT NULL DEFAULT '{}';
-- Longtail's own policy joins the mixing policies.
ALTER TABLE campaign_policy DROP CONSTRAINT campaign_policy_anchor_policy_check;
ALTER TABLE campaign_policy ADD CONSTRAINT campaign_policy_anchor_policy_check
    CHECK (anchor_policy IN ('REPLACE', 'RATIO', 'ACCUMULATE', 'ACCUMULATE_SUBSAMPLE', 'TAIL_PRESERVING'));
