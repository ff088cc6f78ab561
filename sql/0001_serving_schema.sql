-- The serving database: what the view reads. Written only by the publish stage, in one transaction
-- per refresh, so a reader sees either the previous night's view or the new one, never half.
-- Portable between SQLite and PostgreSQL 15: dates and timestamps are ISO-8601 TEXT, flags are
-- INTEGER 0/1, JSON is TEXT.

CREATE TABLE publication (
    publication_id BIGINT PRIMARY KEY,
    run_id TEXT NOT NULL,
    published_at TEXT NOT NULL,
    source_records INTEGER NOT NULL,
    golden_records INTEGER NOT NULL,
    families INTEGER NOT NULL,
    links INTEGER NOT NULL,
    review_pairs INTEGER NOT NULL
);

CREATE TABLE person (
    golden_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    first_name TEXT,
    middle_names TEXT,
    family_name TEXT,
    date_of_birth TEXT,
    gender TEXT,
    address TEXT,
    postcode TEXT,
    nhs_number TEXT,
    upn TEXT,
    case_person_id TEXT,
    phone TEXT,
    email TEXT,
    family_id TEXT,
    restricted INTEGER NOT NULL,
    -- Search keys: upper-case letters only, and Soundex codes, so that spelling may vary.
    first_name_key TEXT,
    family_name_key TEXT,
    first_name_soundex TEXT,
    family_name_soundex TEXT
);
CREATE INDEX ix_person_family_name_soundex ON person (family_name_soundex);
CREATE INDEX ix_person_first_name_soundex ON person (first_name_soundex);
CREATE INDEX ix_person_date_of_birth ON person (date_of_birth);
CREATE INDEX ix_person_family ON person (family_id);

-- Why each golden field holds its value. other_values is a JSON array of
-- {"value","feed","record_id","source_system","extract_date"}.
CREATE TABLE field_lineage (
    golden_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    source_feed TEXT NOT NULL,
    source_record_id TEXT NOT NULL,
    source_system TEXT NOT NULL,
    extract_date TEXT NOT NULL,
    rule TEXT NOT NULL,
    other_values TEXT NOT NULL,
    PRIMARY KEY (golden_id, field)
);

-- Every standardised source record and the golden person it belongs to.
CREATE TABLE source_record (
    feed TEXT NOT NULL,
    record_id TEXT NOT NULL,
    golden_id TEXT NOT NULL,
    source_system TEXT NOT NULL,
    extract_date TEXT NOT NULL,
    first_name TEXT,
    middle_names TEXT,
    family_name TEXT,
    date_of_birth TEXT,
    gender TEXT,
    address TEXT,
    postcode TEXT,
    nhs_number TEXT,
    upn TEXT,
    case_person_id TEXT,
    phone TEXT,
    email TEXT,
    household_key TEXT,
    household_role TEXT,
    restricted INTEGER NOT NULL,
    raw_file TEXT,
    raw_line BIGINT NOT NULL,
    PRIMARY KEY (feed, record_id)
);
CREATE INDEX ix_source_record_golden ON source_record (golden_id);
CREATE INDEX ix_source_record_case_person_id ON source_record (case_person_id);
CREATE INDEX ix_source_record_nhs_number ON source_record (nhs_number);
CREATE INDEX ix_source_record_upn ON source_record (upn);

-- A source record's involvement with its service. details is a JSON object of the service's
-- Family Context fields (ServiceDetailCatalogue names).
CREATE TABLE involvement (
    feed TEXT NOT NULL,
    record_id TEXT NOT NULL,
    golden_id TEXT NOT NULL,
    service TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    nature TEXT,
    organisation TEXT,
    contact_name TEXT,
    contact_role TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    details TEXT NOT NULL,
    PRIMARY KEY (feed, record_id)
);
CREATE INDEX ix_involvement_golden ON involvement (golden_id);

CREATE TABLE family (
    family_id TEXT PRIMARY KEY,
    member_count INTEGER NOT NULL
);

-- "from is the <relationship_type> of to", with the feed and evidence that said so.
CREATE TABLE relationship (
    from_golden_id TEXT NOT NULL,
    to_golden_id TEXT NOT NULL,
    relationship_type TEXT NOT NULL,
    source_feed TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (from_golden_id, to_golden_id, relationship_type)
);
CREATE INDEX ix_relationship_to ON relationship (to_golden_id);

-- How fresh each source is, and why the feed can be trusted to be held.
CREATE TABLE feed_status (
    feed TEXT PRIMARY KEY,
    source_system TEXT NOT NULL,
    service TEXT NOT NULL,
    state TEXT NOT NULL,
    current_as_of TEXT,
    coverage_start TEXT,
    coverage_end TEXT,
    coverage_area TEXT,
    rows_in INTEGER NOT NULL,
    quarantined INTEGER NOT NULL,
    message TEXT,
    launch_url TEXT,
    legal_basis TEXT NOT NULL,
    sharing_agreement TEXT NOT NULL,
    data_owner TEXT NOT NULL,
    retention_days INTEGER NOT NULL
);

-- Pairs the matcher linked or sent to review, with the waterfall that explains the decision
-- (JSON: prior, then each comparison's level and weight).
CREATE TABLE match_pair (
    feed_a TEXT NOT NULL,
    record_a TEXT NOT NULL,
    feed_b TEXT NOT NULL,
    record_b TEXT NOT NULL,
    decision TEXT NOT NULL,
    match_weight DOUBLE PRECISION NOT NULL,
    match_probability DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (feed_a, record_a, feed_b, record_b)
);
CREATE INDEX ix_match_pair_b ON match_pair (feed_b, record_b);
