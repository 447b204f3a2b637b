-- Sign-in matches e-mails case-insensitively, so uniqueness must too: with "Dana@x" and "dana@x"
-- both stored, a sign-in matched two users.
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
