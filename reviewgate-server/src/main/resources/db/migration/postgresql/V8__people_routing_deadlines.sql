-- Round 2, "People, routing and deadlines": priority, deadlines and reminders, claims, the channel
-- (via) of every decision and instruction, quorum votes, and durable timers.

ALTER TABLE reviews ADD COLUMN priority BIGINT NOT NULL DEFAULT 50;
-- The absolute due time; 9223372036854775807 (the largest BIGINT) means "no deadline", so the
-- column can order the queue by due time without a NULLS LAST special case.
ALTER TABLE reviews ADD COLUMN due_at BIGINT NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE reviews ADD COLUMN deadline TEXT;
ALTER TABLE reviews ADD COLUMN remind TEXT;
ALTER TABLE reviews ADD COLUMN reminders_sent BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reviews ADD COLUMN escalations TEXT NOT NULL DEFAULT '[]';
-- The live (or lapsed) claim: the holder as an actor, its id for the claimedBy filter, and its lease.
ALTER TABLE reviews ADD COLUMN claim_by TEXT;
ALTER TABLE reviews ADD COLUMN claim_by_id TEXT;
ALTER TABLE reviews ADD COLUMN claim_via TEXT;
ALTER TABLE reviews ADD COLUMN claimed_at BIGINT;
ALTER TABLE reviews ADD COLUMN claim_expires_at BIGINT;

CREATE INDEX reviews_queue_priority ON reviews (account_id, is_open, priority DESC, created_at, id);
CREATE INDEX reviews_queue_due      ON reviews (account_id, is_open, due_at, created_at, id);
CREATE INDEX reviews_queue_claimed  ON reviews (account_id, claim_by_id, created_at, id);

ALTER TABLE decisions ADD COLUMN via TEXT NOT NULL DEFAULT 'api';
ALTER TABLE instructions ADD COLUMN via TEXT NOT NULL DEFAULT 'api';

-- One approval vote per decider and version: the key refuses a second one whatever the caller checked.
CREATE TABLE votes (
    account_id  TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    version_id  TEXT    NOT NULL,
    decider_id  TEXT    NOT NULL,
    decided_by  TEXT    NOT NULL,
    via         TEXT    NOT NULL,
    voted_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, review_id, version_id, decider_id),
    FOREIGN KEY (account_id, review_id) REFERENCES reviews (account_id, id)
);

-- Durable timers (a review's deadline and its next reminder), claimed with leases like webhook
-- deliveries. Firing deletes or advances the row in the transaction that applies its effect.
CREATE TABLE timers (
    account_id        TEXT    NOT NULL,
    review_id         TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('deadline', 'reminder')),
    due_at            BIGINT NOT NULL,
    lease_token       TEXT,
    lease_expires_at  BIGINT,
    attempts          BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    PRIMARY KEY (account_id, review_id, kind),
    FOREIGN KEY (account_id, review_id) REFERENCES reviews (account_id, id)
);
CREATE INDEX timers_due ON timers (due_at);
