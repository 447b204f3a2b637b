-- Webhook delivery: account signing secrets, endpoints, one delivery per (event, target) and
-- every attempt. Secrets must be readable to sign, so they are stored as issued (whsec_…).

CREATE TABLE signing_secrets (
    account_id       TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    secret           TEXT    NOT NULL,
    previous_secret  TEXT,
    rotated_at       BIGINT
);

CREATE TABLE webhook_endpoints (
    account_id       TEXT    NOT NULL REFERENCES accounts (id),
    id               TEXT    NOT NULL,
    url              TEXT    NOT NULL,
    events           TEXT,
    form_id          TEXT,
    secret           TEXT    NOT NULL,
    previous_secret  TEXT,
    rotated_at       BIGINT,
    created_at       BIGINT NOT NULL,
    disabled_at      BIGINT,
    disabled_reason  TEXT,
    deleted_at       BIGINT,
    PRIMARY KEY (account_id, id)
);

-- id is the webhook-id header: stable across every attempt of one delivery.
CREATE TABLE deliveries (
    account_id        TEXT    NOT NULL,
    id                TEXT    NOT NULL,
    event_id          TEXT    NOT NULL,
    review_id         TEXT    NOT NULL,
    endpoint_id       TEXT,
    url               TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          BIGINT NOT NULL DEFAULT 0,
    next_attempt_at   BIGINT,
    lease_token       TEXT,
    lease_expires_at  BIGINT,
    last_status_code  BIGINT,
    last_error        TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, event_id) REFERENCES events (account_id, id)
);
-- The dispatcher's claim reads due rows in time order; the logs page by endpoint and by review.
CREATE INDEX deliveries_due         ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_by_endpoint ON deliveries (account_id, endpoint_id, created_at, id);
CREATE INDEX deliveries_by_review   ON deliveries (account_id, review_id, created_at, id);

CREATE TABLE delivery_attempts (
    account_id        TEXT    NOT NULL,
    id                TEXT    NOT NULL,
    delivery_id       TEXT    NOT NULL,
    attempt           BIGINT NOT NULL,
    started_at        BIGINT NOT NULL,
    duration_ms       BIGINT NOT NULL,
    status_code       BIGINT,
    response_excerpt  TEXT,
    error             TEXT,
    applied           BIGINT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (account_id, delivery_id, started_at);
