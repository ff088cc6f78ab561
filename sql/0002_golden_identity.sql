-- Golden record identity from night to night, and the decisions people make about matches.
-- Unlike the published tables these are never deleted by a publication: they are the memory that
-- keeps a person's ID stable and a person's decision binding on every later run.

-- An ID retired when its person merged into another: links and bookmarks to the old ID still work.
CREATE TABLE golden_id_redirect (
    old_golden_id TEXT PRIMARY KEY,
    new_golden_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id TEXT NOT NULL,
    redirected_at TEXT NOT NULL
);
CREATE INDEX ix_golden_id_redirect_new ON golden_id_redirect (new_golden_id);

-- What happened to each golden ID in each run: created, records added or removed, merged into
-- another (related_golden_id), split (related_golden_id is the new person split off).
-- source_records is a JSON array of "feed:record_id".
CREATE TABLE golden_id_event (
    run_id TEXT NOT NULL,
    golden_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    event TEXT NOT NULL,
    related_golden_id TEXT,
    source_records TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    PRIMARY KEY (run_id, golden_id, sequence)
);
CREATE INDEX ix_golden_id_event_golden ON golden_id_event (golden_id);

-- A person's decision about two source records: 'same', 'different' or 'unsure', with a reason.
-- The live decision for a pair is its latest one not withdrawn; 'same' and 'different' are hard
-- constraints on every later matching run. Records are "feed:record_id", left < right ordinally.
CREATE TABLE match_decision (
    decision_id TEXT PRIMARY KEY,
    left_record TEXT NOT NULL,
    right_record TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_role TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    withdrawn_by TEXT,
    withdrawn_at TEXT
);
CREATE INDEX ix_match_decision_pair ON match_decision (left_record, right_record);
