-- Search over a million people. A name-only search used to take up to 2,000 rows of everyone whose
-- family OR first name sounds right (36,000 "Jones"-sounding people in a million) and score them all.
-- With both names' Soundex codes in one index, "both names sound right" is a bounded seek: the usual
-- answer, found without reading the other thousands. The broad either-name pass is now only a
-- small fallback.
CREATE INDEX ix_person_family_first_soundex ON person (family_name_soundex, first_name_soundex);
