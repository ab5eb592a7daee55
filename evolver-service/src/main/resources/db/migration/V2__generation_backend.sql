-- The generator backend a campaign chose when it started, carried in every generation's plan (NULL: the
-- generator's default backend).
ALTER TABLE generation ADD COLUMN backend VARCHAR(128);
