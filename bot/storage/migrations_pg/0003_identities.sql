-- One learner across platforms (/link, /unlink). An identity is a platform user key
-- ("telegram:42"); a linked identity maps to the learner key its data lives under (the user key
-- of the identity it was linked to). An identity without a row here is its own learner.
CREATE TABLE identities (
    user_key TEXT PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
    learner_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    linked_at TEXT NOT NULL               -- ISO 8601 UTC
);

CREATE INDEX identities_by_learner ON identities (learner_key);

-- One-time link codes: at most one live code per issuing identity. The locator (the code's
-- first characters) finds the code; only a hash of the whole code is kept. A code is deleted
-- when used, and after too many wrong tries of its locator.
CREATE TABLE link_codes (
    locator TEXT PRIMARY KEY,
    user_key TEXT NOT NULL UNIQUE REFERENCES users (user_key) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,              -- hex SHA-256 of the whole code
    expires_at BIGINT NOT NULL,          -- Unix seconds (UTC)
    wrong_tries INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX link_codes_expires_at ON link_codes (expires_at);

-- Tries to redeem a code, per identity and time window, against guessing. On purpose not tied
-- to the users table: /forget must not reset the count. Rows end with their window.
CREATE TABLE link_attempts (
    user_key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,        -- Unix seconds (UTC)
    tries INTEGER NOT NULL
);
