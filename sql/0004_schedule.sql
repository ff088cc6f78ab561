-- Scheduling: the refresh lock, the run history, the alert events seen in the published data, and the
-- digests sent to school safeguarding leads. Like 0002 these are never touched by a publication: they
-- are the memory that keeps a night from running twice and an event from being sent twice.
-- (Quartz's own tables are provider-specific: sql/quartz/, recorded as schema version 5.)

-- At most one refresh at a time, whoever starts it (the scheduler or `singleview refresh`). A row is a
-- held lease; expires_at frees it if its holder died without releasing it.
CREATE TABLE refresh_lock (
    lock_name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    token TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- One row per refresh attempt. outcome: running | succeeded | failed. trigger_kind: scheduled |
-- manual | retry. The counts come from the RefreshReport; error from the exception of a failure.
CREATE TABLE schedule_run (
    run_id TEXT PRIMARY KEY,
    trigger_kind TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    host TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    duration_ms BIGINT,
    outcome TEXT NOT NULL,
    refresh_run_id TEXT,
    publication_id BIGINT,
    source_records INTEGER,
    linked_pairs INTEGER,
    review_pairs INTEGER,
    golden_records INTEGER,
    new_events INTEGER,
    error TEXT
);
CREATE INDEX ix_schedule_run_started ON schedule_run (started_at);

CREATE TABLE schedule_run_stage (
    run_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    stage TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    PRIMARY KEY (run_id, sequence)
);

-- Per feed and run: rows in (the delivery's data rows), rows out (standardised records matched),
-- quarantined, records linked to another record, and records in a pair queued for review.
CREATE TABLE schedule_run_feed (
    run_id TEXT NOT NULL,
    feed TEXT NOT NULL,
    state TEXT NOT NULL,
    rows_in INTEGER NOT NULL,
    rows_out INTEGER NOT NULL,
    quarantined INTEGER NOT NULL,
    linked INTEGER NOT NULL,
    in_review INTEGER NOT NULL,
    message TEXT,
    PRIMARY KEY (run_id, feed)
);

-- An event an alert rule found in the published data, remembered from the first time it was seen.
-- event_key = rule, feed, record and event date: the same incident on a later night is the same event.
-- Contact details are the event record's own (worker or officer), the minimum for a school to act.
CREATE TABLE alert_event (
    event_key TEXT PRIMARY KEY,
    rule TEXT NOT NULL,
    kind TEXT NOT NULL,
    feed TEXT NOT NULL,
    record_id TEXT NOT NULL,
    golden_id TEXT NOT NULL,
    event_date TEXT NOT NULL,
    contact_name TEXT,
    contact_role TEXT,
    contact_phone TEXT,
    first_seen_at TEXT NOT NULL,
    first_seen_run TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX ix_alert_event_first_seen ON alert_event (first_seen_at);
CREATE INDEX ix_alert_event_golden ON alert_event (golden_id);

-- A digest made for one subscription (a school DSL) at one time, and its delivery.
-- delivery_state: pending | sent | failed.
CREATE TABLE digest (
    digest_id TEXT PRIMARY KEY,
    subscription TEXT NOT NULL,
    school_urn TEXT NOT NULL,
    recipient TEXT NOT NULL,
    created_at TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    delivery_state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_attempt_at TEXT,
    last_error TEXT,
    delivered_at TEXT
);
CREATE INDEX ix_digest_school ON digest (school_urn, created_at);
CREATE INDEX ix_digest_subscription ON digest (subscription, created_at);

-- What a digest said about each event: only the minimum to act. The unique key is what makes
-- "never the same event twice" hold even if two digests were made at once.
CREATE TABLE digest_item (
    digest_id TEXT NOT NULL,
    subscription TEXT NOT NULL,
    event_key TEXT NOT NULL,
    pupil_name TEXT NOT NULL,
    date_of_birth TEXT,
    kind TEXT NOT NULL,
    event_date TEXT NOT NULL,
    contact_name TEXT,
    contact_role TEXT,
    contact_phone TEXT,
    PRIMARY KEY (digest_id, event_key),
    UNIQUE (subscription, event_key)
);
