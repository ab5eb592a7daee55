-- Every metric of docs/metrics.md "Per dataset version" beside the six loop metrics (JSON of
-- dev.longtail.core.metrics.CollapseMeasurement), and the downstream Kubernetes jobs with their results.

ALTER TABLE campaign_reference ADD COLUMN collapse_metrics TEXT;
ALTER TABLE evaluation ADD COLUMN collapse_metrics TEXT;

CREATE TABLE downstream_job (
    id              UUID          PRIMARY KEY,
    evaluation_id   UUID          NOT NULL UNIQUE REFERENCES evaluation (id),
    campaign_id     VARCHAR(36)   NOT NULL,
    generation      INTEGER       NOT NULL,
    namespace       VARCHAR(253)  NOT NULL,
    job_name        VARCHAR(63)   NOT NULL,
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'SUCCEEDED', 'FAILED', 'TIMED_OUT')),
    detail          TEXT,
    result          TEXT,
    submitted_at    TIMESTAMPTZ   NOT NULL,
    deadline        TIMESTAMPTZ   NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX downstream_job_open ON downstream_job (submitted_at) WHERE status = 'SUBMITTED';
