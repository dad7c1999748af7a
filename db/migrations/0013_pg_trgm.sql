-- Trigram similarity (similarity(), the % operator) for the review queue's "likely duplicate"
-- flag (lib/review/flags.ts). pg_trgm is a contrib module shipped with PostgreSQL's own builds,
-- the embedded one included, and a trusted extension since PostgreSQL 13: the database's owner
-- may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
