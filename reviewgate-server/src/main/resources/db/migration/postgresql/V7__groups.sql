-- Groups of users, to route reviews to. Members reference users by id, so a member is always a
-- user of the group's own account; deleting a group deletes its memberships with it.

CREATE TABLE groups (
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE group_members (
    account_id  TEXT    NOT NULL,
    group_id    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    PRIMARY KEY (account_id, group_id, user_id),
    FOREIGN KEY (account_id, group_id) REFERENCES groups (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
-- "The groups of this user", for routing and the inbox's "my groups".
CREATE INDEX group_members_by_user ON group_members (account_id, user_id);
