-- Two indexes that a wider one already serves: an index on (a) adds nothing beside one on (a, b),
-- since the wider one answers "WHERE a = ?" (and "a = ? OR ...") by its prefix on SQLite and
-- PostgreSQL alike. Each was rebuilt at every publication: a million rows each at a million records.
--   ix_involvement_golden (golden_id)         <- ix_involvement_golden_service (golden_id, service, status)
--   ix_person_family_name_soundex (family_name_soundex) <- ix_person_family_first_soundex (family_name_soundex, first_name_soundex)
DROP INDEX IF EXISTS ix_involvement_golden;
DROP INDEX IF EXISTS ix_person_family_name_soundex;
