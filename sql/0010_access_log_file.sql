-- The access log's tables for a file of their own. With a SQLite serving database the log lives in a
-- separate SQLite file beside it (singleview.db -> singleview.audit.db, see docs/access-log.md): every
-- commit to a SQLite file's write-ahead log empties the page cache of every connection reading that
-- file, so a log in the serving file made every person view re-read its pages. The view applies this
-- script alone to that file (recorded in the file's own schema_version). The definitions are 0003's,
-- column for column, so entries move between the files unchanged. Applied to a serving database (SQLite
-- or PostgreSQL) like every numbered script, it changes nothing: 0003 made these tables there, and
-- PostgreSQL keeps its access log in them.
CREATE TABLE IF NOT EXISTS audit_entry (
    sequence BIGINT PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    user_subject TEXT NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    golden_id TEXT,
    requested_id TEXT,
    search_terms TEXT,
    purpose TEXT,
    result_count INTEGER,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_entry_golden ON audit_entry (golden_id);

CREATE TABLE IF NOT EXISTS audit_head (
    chain TEXT PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
