-- The metadata store's tables, SQLite dialect. Enumerated columns (SMALLINT) hold ayb's integer
-- codes: a constant's position in its enum, so constants are only ever appended.
CREATE TABLE entity (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug VARCHAR(128) NOT NULL UNIQUE,
    entity_type SMALLINT NOT NULL,
    display_name VARCHAR(35),
    description VARCHAR(100),
    organization VARCHAR(35),
    location VARCHAR(35),
    links TEXT
);

CREATE TABLE database (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug VARCHAR(128) NOT NULL,
    db_type SMALLINT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    public_sharing_level SMALLINT NOT NULL DEFAULT 0,
    UNIQUE (entity_id, slug)
);

CREATE TABLE authentication_method (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    method_type SMALLINT NOT NULL,
    status SMALLINT NOT NULL,
    email_address VARCHAR(256) NOT NULL,
    UNIQUE (method_type, email_address)
);

CREATE TABLE api_token (
    short_token VARCHAR(64) NOT NULL PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    hash VARCHAR(64) NOT NULL,
    database_id INTEGER REFERENCES database(id),
    query_permission_level SMALLINT,
    app_name VARCHAR(255),
    created_at TIMESTAMP,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX api_token_entity ON api_token (entity_id);

CREATE TABLE entity_database_permission (
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    database_id INTEGER NOT NULL REFERENCES database(id),
    sharing_level SMALLINT NOT NULL,
    PRIMARY KEY (entity_id, database_id)
);
CREATE INDEX entity_database_permission_database ON entity_database_permission (database_id);

CREATE TABLE oauth_authorization_request (
    code VARCHAR(64) NOT NULL PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    code_challenge VARCHAR(128) NOT NULL,
    redirect_uri TEXT NOT NULL,
    app_name VARCHAR(255) NOT NULL,
    requested_query_permission_level SMALLINT NOT NULL,
    state VARCHAR(255),
    database_id INTEGER NOT NULL REFERENCES database(id),
    query_permission_level SMALLINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
