-- The web UI's editor: each user's last runs per database, and their saved named queries.
CREATE TABLE query_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    database_id INTEGER NOT NULL REFERENCES database(id),
    sql_text TEXT NOT NULL,
    run_at TIMESTAMP NOT NULL
);
CREATE INDEX query_history_runner ON query_history (entity_id, database_id, id);

CREATE TABLE saved_query (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id INTEGER NOT NULL REFERENCES entity(id),
    database_id INTEGER NOT NULL REFERENCES database(id),
    name VARCHAR(100) NOT NULL,
    sql_text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (entity_id, database_id, name)
);
