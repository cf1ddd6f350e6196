package org.aybdb.application;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moving whole databases in and out: export (a consistent copy to download), import (an uploaded
 * SQLite file replaces a database) and fork (a copy becomes a new database of the caller). Copies
 * are made by the database's sandboxed daemon ({@code VACUUM INTO}); an uploaded file is opened
 * only by sandboxed daemons. Each call takes one place under the caller's query limits ({@link
 * QueryAdmission}).
 */
public interface PortabilityService {

  /**
   * A copy of {@code entity/database} for anyone who may query it (anonymous callers included on
   * public read-only databases).
   *
   * @throws AybException RecordNotFound (404) for anyone else, as if it did not exist; Other (429)
   *     beyond the caller's query limits
   */
  ExportedFile export(
      Optional<Caller> caller, String clientAddress, String entity, String database);

  /**
   * Like {@link #export}, the consistent copy written out as SQL text as the {@code sqlite3}
   * shell's {@code .dump} writes it (schema and INSERTs in one transaction), read from the copy by
   * a sandboxed daemon; the file is named {@code <database>.sql}.
   */
  ExportedFile exportSqlDump(
      Optional<Caller> caller, String clientAddress, String entity, String database);

  /**
   * Replaces {@code entity/database} (owner or manager) with the SQLite file read from {@code
   * content}, after checking it in a sandbox. {@code content} is opened only once the caller is
   * known to be allowed, so nothing of a refused upload is read; with snapshots configured the
   * replaced version is snapshotted first.
   *
   * @throws AybException 404/403 as {@link AccessPolicy#manage}; Other (413) past {@code [sandbox]
   *     max_file_size}; Other (403) past the owner's storage quota; Other (400) for a file that is
   *     not SQLite, is damaged, or holds schema a query could not create here
   */
  void importDatabase(
      Caller caller,
      String clientAddress,
      String entity,
      String database,
      Supplier<InputStream> content);

  /**
   * Copies {@code entity/database} into a new database {@code forkTo} (the caller's entity and a
   * new database name), which remembers where it came from. Anyone signed in who may see the
   * database may fork it.
   *
   * @throws AybException in this order: RecordNotFound (404) for a database the caller may not see;
   *     Other (400) for a missing or malformed target; InvalidSlug (400); RecordNotFound entity
   *     (404); Other (403) for another entity, a scoped token or a quota; Other (409) when the
   *     target exists
   */
  CreatedDatabase fork(
      Caller caller,
      String clientAddress,
      String entity,
      String database,
      Requested<ForkTarget> forkTo);
}
