-- Claiming reads one platform at a time: with the platform first in the index, overdue reminders
-- of a platform that is not running are never read, so a claim costs only the due reminders of
-- the running platforms.
DROP INDEX reminders_due;
CREATE INDEX reminders_platform_due ON reminders (platform, next_due) WHERE enabled = 1;
