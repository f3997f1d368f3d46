/**
 * The DuckDB schema. Timestamps are UTC. Message text lives only in `messages`; every other table
 * holds ids, counts, positions and labels, so it can be shared without the text.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS settings (name VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY,
  command VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  status VARCHAR NOT NULL,
  summary JSON
);
CREATE TABLE IF NOT EXISTS conversations (
  key VARCHAR PRIMARY KEY,
  id VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  participant VARCHAR NOT NULL,
  title VARCHAR,
  created_at TIMESTAMP,
  message_count INTEGER NOT NULL,
  user_message_count INTEGER NOT NULL,
  content_hash VARCHAR NOT NULL,
  origin_file VARCHAR NOT NULL,
  origin_offset BIGINT,
  origin_line INTEGER,
  meta JSON,
  run_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  conversation_key VARCHAR NOT NULL,
  message_index INTEGER NOT NULL,
  role VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  created_at TIMESTAMP,
  model VARCHAR,
  meta JSON
);
CREATE TABLE IF NOT EXISTS facets (
  conversation_key VARCHAR NOT NULL,
  facet_run VARCHAR NOT NULL,
  value JSON NOT NULL,
  run_id VARCHAR NOT NULL,
  PRIMARY KEY (conversation_key, facet_run)
);
CREATE TABLE IF NOT EXISTS import_files (
  fingerprint VARCHAR PRIMARY KEY,
  path VARCHAR NOT NULL,
  size BIGINT NOT NULL,
  modified_ms DOUBLE NOT NULL,
  format VARCHAR,
  conversations INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  run_id VARCHAR NOT NULL,
  completed_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS quarantine (
  run_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  byte_offset BIGINT,
  end_offset BIGINT,
  line INTEGER,
  conversation_id VARCHAR,
  code VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,
  reason VARCHAR NOT NULL
);
`;
