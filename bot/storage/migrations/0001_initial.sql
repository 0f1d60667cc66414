-- Users, their checklist, the days they ticked something, and one-off notices.
-- Every per-user table references users with ON DELETE CASCADE, so deleting the user row
-- forgets everything. Times are ISO 8601 UTC text; local dates are ISO dates (YYYY-MM-DD).

CREATE TABLE users (
    user_key TEXT PRIMARY KEY,
    track TEXT,
    timezone TEXT,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE checklist (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (user_key, item_id)
) WITHOUT ROWID;

CREATE TABLE activity (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    local_date TEXT NOT NULL,
    PRIMARY KEY (user_key, local_date)
) WITHOUT ROWID;

CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX notices_by_user ON notices (user_key, id);
