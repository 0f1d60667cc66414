-- Free-text questions the bot refused, found not covered or asked back about, for the operator
-- (`roadmap-bot unanswered`). On purpose there is no user or chat column: nothing links a row to
-- a person, so /forget has nothing here to delete. Rows older than UNANSWERED_RETENTION_DAYS are
-- deleted, and only the newest UNANSWERED_MAX_ROWS (bot.limits) are kept.
CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the cap keeps the highest ids
    asked_at INTEGER NOT NULL,             -- Unix seconds (UTC)
    platform TEXT NOT NULL,
    intent TEXT NOT NULL,                  -- a bot.questions.Intent value, guessed
    outcome TEXT NOT NULL,                 -- a bot.questions.Outcome value
    text TEXT NOT NULL                     -- scrubbed and cut (bot.unanswered.scrub)
);

CREATE INDEX unanswered_asked_at ON unanswered (asked_at);
