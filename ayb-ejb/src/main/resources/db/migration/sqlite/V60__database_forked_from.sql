-- The database a fork was copied from ("entity/database" when it was forked); null for the others.
ALTER TABLE database ADD COLUMN forked_from VARCHAR(257);
