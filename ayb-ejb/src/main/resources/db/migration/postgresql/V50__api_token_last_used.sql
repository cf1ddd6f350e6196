-- When each API token was last presented (UTC), recorded at most about once a minute per token.
ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMP;
