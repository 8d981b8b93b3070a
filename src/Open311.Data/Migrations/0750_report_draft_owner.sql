-- Binds each report draft to the browser that made it: the SHA-256 of a random secret kept in that browser's
-- cookie. Drafts without one were made before and belong to no browser; they expire within a day.
ALTER TABLE site_report_drafts ADD COLUMN owner_hash bytea;
