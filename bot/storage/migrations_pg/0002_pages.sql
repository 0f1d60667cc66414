-- The pages of long replies (◀ n/N ▶) that a chat adapter keeps in the database, so a page
-- button works whichever process receives the press, and after a restart. Rows expire; each
-- write deletes the expired ones (through the index on expires_at).
CREATE TABLE pages (
    message TEXT PRIMARY KEY,      -- the platform's identity of the message ("telegram:CHAT:ID")
    user_key TEXT NOT NULL,        -- whom the reply was sent for: only they turn its pages
    body TEXT NOT NULL,            -- the pages and buttons as the adapter rendered them (JSON)
    shown INTEGER NOT NULL,        -- the page the message shows
    expires_at INTEGER NOT NULL    -- Unix seconds (UTC)
);

CREATE INDEX pages_expires_at ON pages (expires_at);
CREATE INDEX pages_user_key ON pages (user_key);
