-- A claim is a lease: the engine that claimed a due reminder holds it until lease_until (Unix
-- seconds), renewing it while it lives. Just before the send the reminder is marked attempted
-- (its day recorded, the lease cleared); a lease never attempted is released on a clean stop or
-- expires after a crash, and the reminder is claimed again.
ALTER TABLE reminders ADD COLUMN lease_holder TEXT;
ALTER TABLE reminders ADD COLUMN lease_until INTEGER;
-- Renewing and releasing an engine's leases reads only the leased rows.
CREATE INDEX reminders_lease ON reminders (lease_holder) WHERE lease_holder IS NOT NULL;
