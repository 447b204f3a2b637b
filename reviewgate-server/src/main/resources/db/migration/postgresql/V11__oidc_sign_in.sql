-- OIDC sign-in. A started sign-in waits here until the provider sends the browser back: the state
-- is looked up by its SHA-256, is bound to the browser that started it (a cookie, also hashed) and
-- is deleted when used, so each state and nonce works once and only for 10 minutes.
CREATE TABLE oidc_logins (
    state_hash     TEXT    NOT NULL PRIMARY KEY,
    browser_hash   TEXT    NOT NULL,
    nonce          TEXT    NOT NULL,
    code_verifier  TEXT    NOT NULL,
    next_path      TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL
);
CREATE INDEX oidc_logins_expiry ON oidc_logins (expires_at);

-- Which user an identity provider's subject is: the link made on first sign-in.
CREATE TABLE user_identities (
    issuer      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    account_id  TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (issuer, subject),
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
