-- Snoozing the daily reminder: the learner's "this evening" time, and the one snooze of a day.
CREATE TABLE snoozes (
    user_key TEXT PRIMARY KEY REFERENCES users (user_key) ON DELETE CASCADE,
    evening_time TEXT,                    -- "HH:MM", local wall-clock time; NULL: not set
    snoozed_date TEXT,                    -- local date (YYYY-MM-DD) whose reminder was snoozed
    due INTEGER                           -- Unix seconds (UTC) it comes back; NULL once claimed
) WITHOUT ROWID;

-- Claiming reads only snoozes still to be sent, in due order.
CREATE INDEX snoozes_due ON snoozes (due) WHERE due IS NOT NULL;
