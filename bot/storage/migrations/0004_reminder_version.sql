-- Every change a user makes to their reminder (set, move zone, turn off) bumps its version, so the
-- engine can tell that a reminder it claimed was changed before a retry or a turn-off.
ALTER TABLE reminders ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
