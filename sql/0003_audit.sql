-- The single view's access log and the indexes its read path needs. Like 0002's tables, the audit
-- tables are never deleted by a publication: they are the record of every search and every look.

-- One search or one view of a person. Append-only: entry n carries the SHA-256 hash of entry n-1
-- (previous_hash) and its own hash over a canonical serialisation of its fields and previous_hash,
-- so a changed, deleted or reordered entry breaks the chain (`singleview audit verify`).
-- search_terms is a JSON object of the terms exactly as entered.
CREATE TABLE audit_entry (
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
CREATE INDEX ix_audit_entry_golden ON audit_entry (golden_id);

-- The last entry written, updated in the same transaction as the entries: deleting entries from the
-- end of the log leaves the head pointing past them.
CREATE TABLE audit_head (
    chain TEXT PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);

-- Search by identifier and postcode on the golden record (the source records have theirs in 0001).
CREATE INDEX ix_person_nhs_number ON person (nhs_number);
CREATE INDEX ix_person_upn ON person (upn);
CREATE INDEX ix_person_case_person_id ON person (case_person_id);
CREATE INDEX ix_person_postcode ON person (postcode);
-- The school roll check of a school DSL.
CREATE INDEX ix_involvement_golden_service ON involvement (golden_id, service, status);
