-- The generator's state: asynchronous generation jobs with their samples, token and cost accounting per
-- campaign, and each campaign's choice of backend. The Kafka loop itself stays stateless.

-- A job: its request as JSON (so any replica can run or resume it), progress counters and a lease.
CREATE TABLE generation_job (
    id              UUID          PRIMARY KEY,
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    backend         VARCHAR(128)  NOT NULL,
    mode            VARCHAR(32)   NOT NULL,
    template        VARCHAR(64)   NOT NULL,
    campaign_id     VARCHAR(64),
    request         TEXT          NOT NULL,
    total           INTEGER       NOT NULL CHECK (total > 0),
    generated       INTEGER       NOT NULL DEFAULT 0,
    failed          INTEGER       NOT NULL DEFAULT 0,
    error           TEXT,
    idempotency_key VARCHAR(255)  UNIQUE,
    created_at      TIMESTAMPTZ   NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    lease_until     TIMESTAMPTZ
);
CREATE INDEX generation_job_runnable ON generation_job (status, created_at);

-- One row per finished item of a job (generated or failed with the reason); the key makes a resumed job idempotent.
CREATE TABLE generation_job_sample (
    job_id         UUID         NOT NULL REFERENCES generation_job (id) ON DELETE CASCADE,
    item_index     INTEGER      NOT NULL,
    subject        TEXT,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('GENERATED', 'FAILED')),
    output         TEXT,
    failure_reason TEXT,
    provenance     TEXT         NOT NULL,
    PRIMARY KEY (job_id, item_index)
);

-- Tokens and cost per campaign, backend and model ('ad-hoc' for API calls without a campaign).
CREATE TABLE token_usage (
    campaign_id       VARCHAR(64)    NOT NULL,
    backend           VARCHAR(128)   NOT NULL,
    model             VARCHAR(255)   NOT NULL,
    requests          BIGINT         NOT NULL,
    failed_requests   BIGINT         NOT NULL,
    prompt_tokens     BIGINT         NOT NULL,
    completion_tokens BIGINT         NOT NULL,
    cost_usd          NUMERIC(20, 8) NOT NULL,
    first_used_at     TIMESTAMPTZ    NOT NULL,
    last_used_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (campaign_id, backend, model)
);

-- A campaign's generation settings, until the generation plan can carry them.
CREATE TABLE campaign_settings (
    campaign_id      VARCHAR(64)   PRIMARY KEY,
    backend          VARCHAR(128)  NOT NULL,
    template_version INTEGER,
    updated_at       TIMESTAMPTZ   NOT NULL
);
