-- Evolution in full (issue #12): operator sets per campaign and arm, failure rates per operator and rule, the
-- bandit's weights and their changes, the gaps that guided a generation, and the prompt template of each evolved seed.

-- How a campaign or an experiment arm evolves; null in rows from before (the two rules, uniform, no gaps).
ALTER TABLE campaign
    ADD COLUMN operators          VARCHAR(400),
    ADD COLUMN operator_form      VARCHAR(8) CHECK (operator_form IN ('rule', 'llm')),
    ADD COLUMN adaptive_operators BOOLEAN,
    ADD COLUMN gap_driven         BOOLEAN;

ALTER TABLE experiment_arm
    ADD COLUMN operators          VARCHAR(400),
    ADD COLUMN operator_form      VARCHAR(8) CHECK (operator_form IN ('rule', 'llm')),
    ADD COLUMN adaptive_operators BOOLEAN,
    ADD COLUMN gap_driven         BOOLEAN;

-- Per generation, each a JSON object: operator -> attempts; operator -> reason -> eliminated; category -> operator ->
-- weight (the weights this generation drew with); a JSON array of the weight changes made before it, with reasons;
-- the gaps that guided it (donor words and category boosts); which information-gain judge ran (rule 1).
ALTER TABLE generation
    ADD COLUMN attempts_by_operator   TEXT,
    ADD COLUMN eliminated_by_operator TEXT,
    ADD COLUMN operator_weights       TEXT,
    ADD COLUMN weight_changes         TEXT,
    ADD COLUMN gaps                   TEXT,
    ADD COLUMN gain_judge             VARCHAR(200);

-- The prompt template (name.version) that made an evolved seed in the LLM form; null for a rule.
ALTER TABLE pool_seed
    ADD COLUMN template_version VARCHAR(64);
