-- The whole schema as SQLite has it after its migration 0008, with the same column types, so
-- one set of statements serves both backends (see bot/storage/sql.py). Times are ISO 8601 UTC
-- text or Unix seconds, local dates ISO text, as in SQLite.

CREATE TABLE users (
    user_key TEXT PRIMARY KEY,
    track TEXT,
    timezone TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE checklist (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (user_key, item_id)
);

CREATE TABLE activity (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    local_date TEXT NOT NULL,
    PRIMARY KEY (user_key, local_date)
);

CREATE TABLE notices (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX notices_by_user ON notices (user_key, id);

CREATE TABLE reminders (
    user_key TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    chat_id TEXT,
    chat_kind TEXT NOT NULL,
    local_time TEXT NOT NULL,
    zone TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    next_due BIGINT NOT NULL,
    last_sent_date TEXT,
    disabled_reason TEXT,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    lease_holder TEXT,
    lease_until BIGINT
);

CREATE INDEX reminders_chat ON reminders (chat_id);
CREATE INDEX reminders_platform_due ON reminders (platform, next_due) WHERE enabled = 1;
CREATE INDEX reminders_lease ON reminders (lease_holder) WHERE lease_holder IS NOT NULL;

CREATE TABLE reviews (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    topic_id TEXT NOT NULL,
    stage INTEGER NOT NULL DEFAULT 0,
    due_date TEXT NOT NULL,
    reviewed_date TEXT,
    right_count INTEGER NOT NULL DEFAULT 0,
    wrong_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_key, topic_id)
);

CREATE INDEX reviews_due ON reviews (user_key, due_date);

CREATE TABLE quiz_asked (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (user_key, question_id)
);

CREATE TABLE snoozes (
    user_key TEXT PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
    evening_time TEXT,
    snoozed_date TEXT,
    due BIGINT
);

CREATE INDEX snoozes_due ON snoozes (due) WHERE due IS NOT NULL;

CREATE TABLE unanswered (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at BIGINT NOT NULL,
    platform TEXT NOT NULL,
    intent TEXT NOT NULL,
    outcome TEXT NOT NULL,
    text TEXT NOT NULL
);

CREATE INDEX unanswered_asked_at ON unanswered (asked_at);
