-- Daily learning reminders: one per user, delivered to a chat or (chat_id NULL) the user's DMs.
CREATE TABLE reminders (
    user_key TEXT PRIMARY KEY,            -- "telegram:42"
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    chat_id TEXT,                         -- NULL: the user's direct messages
    chat_kind TEXT NOT NULL,              -- "private" or "group": group reminders name the user
    local_time TEXT NOT NULL,             -- "HH:MM", wall-clock time in zone
    zone TEXT NOT NULL,                   -- IANA name
    enabled INTEGER NOT NULL DEFAULT 1,
    next_due INTEGER NOT NULL,            -- next occurrence, Unix seconds (UTC)
    last_sent_date TEXT,                  -- local date (YYYY-MM-DD) last claimed for sending
    disabled_reason TEXT,
    updated_at INTEGER NOT NULL           -- Unix seconds (UTC)
);

-- Finding due reminders reads only enabled rows, in due order.
CREATE INDEX reminders_due ON reminders (next_due) WHERE enabled = 1;
-- Moving a chat (a Telegram group upgraded to a supergroup) finds its reminders directly.
CREATE INDEX reminders_chat ON reminders (chat_id);
