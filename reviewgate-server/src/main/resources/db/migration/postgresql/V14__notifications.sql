-- Notifications the reviewer can act in (e-mail, Slack, Teams). They travel as deliveries, beside
-- webhooks, so they share the retry schedule, leases, attempt log and redelivery. A notification's
-- url names its destination (mailto:, slack:, or the Teams workflow URL) and user_id the person it
-- is for; one message per (recipient, event) is what the unique index holds.
ALTER TABLE deliveries ADD COLUMN channel TEXT NOT NULL DEFAULT 'webhook';
ALTER TABLE deliveries ADD COLUMN user_id TEXT;
CREATE UNIQUE INDEX deliveries_one_message ON deliveries (account_id, event_id, channel, url) WHERE channel <> 'webhook';
-- The admins' notification log pages by channel, newest first.
CREATE INDEX deliveries_by_channel ON deliveries (account_id, channel, created_at, id);

-- A user's channels; no row means the defaults (e-mail on, Slack DM off, unassigned off).
CREATE TABLE notification_preferences (
    account_id         TEXT    NOT NULL,
    user_id            TEXT    NOT NULL,
    email              BIGINT  NOT NULL DEFAULT 1,
    slack_dm           BIGINT  NOT NULL DEFAULT 0,
    notify_unassigned  BIGINT  NOT NULL DEFAULT 0,
    updated_at         BIGINT  NOT NULL,
    PRIMARY KEY (account_id, user_id),
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
CREATE INDEX notification_preferences_unassigned ON notification_preferences (account_id) WHERE notify_unassigned = 1;

-- One-time action links: only the SHA-256 of the token is kept. An e-mail link is bound to its
-- user; a link on a shared card (Teams) has none and asks whoever opens it to sign in.
CREATE TABLE action_links (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    account_id   TEXT    NOT NULL,
    user_id      TEXT,
    via          TEXT    NOT NULL DEFAULT 'email',
    review_id    TEXT    NOT NULL,
    version_id   TEXT    NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('approve', 'reject')),
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT
);
CREATE INDEX action_links_by_review ON action_links (account_id, review_id);
CREATE INDEX action_links_expiry ON action_links (expires_at);

-- An account's own channel settings (overriding the instance's); secret is AES-GCM ciphertext.
CREATE TABLE channel_settings (
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    channel     TEXT    NOT NULL CHECK (channel IN ('email', 'slack')),
    config      TEXT    NOT NULL,
    secret      TEXT,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (account_id, channel)
);

-- Every Slack message posted for a review, so each can be updated in place.
CREATE TABLE slack_cards (
    account_id  TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    ts          TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (account_id, review_id, channel, ts)
);

-- Where a group's notifications go besides its members: a Slack channel and a Teams workflow URL
-- (a credential: AES-GCM ciphertext).
ALTER TABLE groups ADD COLUMN slack_channel TEXT;
ALTER TABLE groups ADD COLUMN teams_webhook TEXT;
