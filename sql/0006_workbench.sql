-- The data quality workbench. Like 0002's tables these are never deleted by a publication.

-- One row per pair of records anyone has decided about ("feed:record_id", left < right ordinally), with
-- a revision bumped by every decision and undo in the same transaction: two officers deciding the same
-- pair at once cannot both succeed (the second's compare-and-set finds the revision moved on).
CREATE TABLE workbench_pair_state (
    left_record TEXT NOT NULL,
    right_record TEXT NOT NULL,
    revision BIGINT NOT NULL,
    PRIMARY KEY (left_record, right_record)
);

-- What the matching model said about the pair when a person decided it ('link', 'review' or 'none'),
-- so the precision and recall estimate compares people with the model as it was, not as their own
-- decisions have since constrained it.
CREATE TABLE workbench_decision_context (
    decision_id TEXT PRIMARY KEY,
    model_decision TEXT NOT NULL,
    match_probability DOUBLE PRECISION
);

-- "This is not the same person", sent from a person page by any signed-in user. The records are
-- optional ("feed:record_id"); resolved when an officer has dealt with it.
CREATE TABLE wrong_link_report (
    report_id TEXT PRIMARY KEY,
    golden_id TEXT NOT NULL,
    first_record TEXT,
    second_record TEXT,
    comment TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    reported_by_name TEXT NOT NULL,
    reported_role TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT
);
CREATE INDEX ix_wrong_link_report_open ON wrong_link_report (resolved_at);
