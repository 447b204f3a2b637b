-- Reviewer sign-in: server-side sessions, so any instance can serve any user. Only the SHA-256
-- of the cookie's token is stored; the CSRF token is per session.
CREATE TABLE web_sessions (
    account_id    TEXT    NOT NULL REFERENCES accounts (id),
    id            TEXT    NOT NULL PRIMARY KEY,
    user_id       TEXT    NOT NULL,
    csrf_token    TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
