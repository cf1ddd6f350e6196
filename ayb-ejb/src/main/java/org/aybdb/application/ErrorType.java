package org.aybdb.application;

/**
 * ayb's error variants: the {@code type} tag of every JSON error body. Clients (ayb's CLI and
 * JavaScript client) match on these names, so no new ones are invented here.
 */
public enum ErrorType {
  CantSetOwnerPermissions,
  ConfigurationError,
  DurationParseError,
  EmailError,
  InvalidSlug,
  InvalidToken,
  NoWriteAccessError,
  QueryError,
  RecordNotFound,
  RegistrationError,
  S3ExecutionError,
  S3ConnectionError,
  SnapshotError,
  SnapshotDoesNotExistError,
  EmptyUpdateError,
  Unauthorized,
  Other
}
