-- A source record's town or city, its named identifiers (identifier.<name> in its feed's definition:
-- a police person id, a national insurance number) and the standardiser's warnings (a date of birth
-- left empty because it was unreadable or outside the feed's window, an invalid NHS number), so that
-- lineage and explanations show what a record held and what was set aside from it.
--   identifiers: JSON [{"name": "police_person_id", "value": "PN123"}, ...], [] for none
--   warnings:    JSON ["date_of_birth: '19450493' is not a date ... (left empty)", ...], [] for none
ALTER TABLE source_record ADD COLUMN city TEXT;
ALTER TABLE source_record ADD COLUMN identifiers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE source_record ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
