-- Shared by every service (libs/service-support): runtime configuration, the admin audit log and the dead letters
-- read from the service's own dead-letter topic. Each service's Flyway applies it to the service's own schema.

-- The runtime values an operator set (PATCH /admin/config); keys not here keep their start-up value.
CREATE TABLE runtime_setting (
    name        text PRIMARY KEY,
    value       text        NOT NULL, -- JSON
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

-- Every admin change: who (the JWT subject, else "anonymous"), when, what, and the value before and after.
CREATE TABLE admin_audit (
    id           bigserial PRIMARY KEY,
    changed_at   timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL, -- config.change, dead-letter.replay, dead-letter.discard, ...
    subject      text        NOT NULL, -- the key, the dead letter's id, ...
    value_before text,
    value_after  text
);
CREATE INDEX admin_audit_action ON admin_audit (action, id);

-- Records the service's consumers could not process, copied from longtail.dlq.<service> so that listing them does
-- not scan Kafka. A dead letter is identified by its place on the dead-letter topic (read twice: stored once).
CREATE TABLE dead_letter (
    id                 uuid PRIMARY KEY,
    dlq_topic          text        NOT NULL,
    dlq_partition      integer     NOT NULL,
    dlq_offset         bigint      NOT NULL,
    original_topic     text,
    original_partition integer,
    original_offset    bigint,
    record_key         text,
    record_value       text,
    headers            text        NOT NULL, -- JSON object of the original record's headers (not dead-letter-*)
    reason             text,
    cause              text,
    received_at        timestamptz NOT NULL,
    replayed_at        timestamptz,
    replay_count       integer     NOT NULL DEFAULT 0,
    UNIQUE (dlq_topic, dlq_partition, dlq_offset)
);
CREATE INDEX dead_letter_received ON dead_letter (received_at DESC, id);
