-- The loop controller's record (docs/metrics.md "Adjustments: a controller, not a ratchet"): one row per plan knob
-- per evaluation. What the controller did (TIGHTEN and RELAX are the published adjustments; HOLD carries the count
-- of good generations; WITHHELD is advice measured harmful; FROZEN is advice in a direction whose last two applied
-- changes worsened their signal), the signal the step targets with its value then and one generation later, the
-- outcome, and whether the next generation's plan carried the change (null until that generation is evaluated).

CREATE TABLE control_step (
    id             UUID              PRIMARY KEY,
    evaluation_id  UUID              NOT NULL REFERENCES evaluation (id),
    campaign_id    VARCHAR(36)       NOT NULL,
    generation     INTEGER           NOT NULL,
    parameter      VARCHAR(64)       NOT NULL,
    action         VARCHAR(16)       NOT NULL CHECK (action IN ('TIGHTEN', 'RELAX', 'HOLD', 'WITHHELD', 'FROZEN')),
    from_value     DOUBLE PRECISION  NOT NULL,
    to_value       DOUBLE PRECISION  NOT NULL,
    good_streak    INTEGER           NOT NULL,
    target_signal  VARCHAR(32)       NOT NULL,
    signal_before  DOUBLE PRECISION,
    signal_after   DOUBLE PRECISION,
    outcome        VARCHAR(16)       CHECK (outcome IN ('IMPROVED', 'WORSENED', 'UNCHANGED')),
    applied        BOOLEAN,
    reason         TEXT              NOT NULL,
    held_because   TEXT,
    CONSTRAINT control_step_evaluation_parameter UNIQUE (evaluation_id, parameter)
);
CREATE INDEX control_step_campaign_generation ON control_step (campaign_id, generation);
