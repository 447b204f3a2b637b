-- Which request holds an in-flight key: a random token, so that only the holder can store its
-- response or give the key up, even after another request has taken over an abandoned key.
ALTER TABLE idempotency_keys ADD COLUMN holder TEXT;
