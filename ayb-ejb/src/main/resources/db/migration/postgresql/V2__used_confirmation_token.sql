-- Confirmation tokens that have been used (not in ayb: there a token works until it expires).
-- fingerprint = hex SHA-256 of the token's canonical form; expires_at = epoch seconds after which
-- the token no longer opens, when the row may go.
CREATE TABLE used_confirmation_token (
    fingerprint VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX used_confirmation_token_expires_at ON used_confirmation_token (expires_at);
