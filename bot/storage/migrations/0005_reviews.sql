-- Spaced review: every topic a learner ticked, its stage and the local date it is next due.
-- Topics ticked before this migration enter review as if ticked on the day they were.
CREATE TABLE reviews (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    topic_id TEXT NOT NULL,
    stage INTEGER NOT NULL DEFAULT 0,     -- index into bot.spaced.INTERVALS
    due_date TEXT NOT NULL,               -- local date (YYYY-MM-DD) the topic is next due
    reviewed_date TEXT,                   -- local date of the last answer that counted
    right_count INTEGER NOT NULL DEFAULT 0,
    wrong_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_key, topic_id)
) WITHOUT ROWID;

CREATE INDEX reviews_due ON reviews (user_key, due_date);

INSERT INTO reviews (user_key, topic_id, due_date)
SELECT user_key, item_id, date(done_at, '+1 day') FROM checklist;

-- Questions asked and not answered yet. An answer counts only while its question is here, so a
-- second press of the same answer button explains again without counting twice.
CREATE TABLE quiz_asked (
    user_key TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    asked_at TEXT NOT NULL,               -- ISO 8601 UTC
    PRIMARY KEY (user_key, question_id)
) WITHOUT ROWID;
