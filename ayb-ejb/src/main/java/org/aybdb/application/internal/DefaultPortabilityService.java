package org.aybdb.application.internal;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.ErrorType;
import org.aybdb.application.ExportedFile;
import org.aybdb.application.ForkTarget;
import org.aybdb.application.PortabilityService;
import org.aybdb.application.QueryAdmission;
import org.aybdb.application.Requested;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.port.HostedFiles;
import org.aybdb.application.port.SnapshotStorageSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabaseRepository;

/**
 * {@link PortabilityService}. Import writes the upload into a new version folder, checks it ({@link
 * ImportCheck}) and switches it in exactly as a snapshot restore does; fork copies into a new
 * version folder of the new database and records it only once the copy is there.
 */
@Stateless
// Copies and uploads can take long: no metadata transaction is held across them.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultPortabilityService implements PortabilityService {

  private static final Logger LOG = Logger.getLogger(DefaultPortabilityService.class.getName());

  /** The {@code action} word of the manage check: "can't import into database e/d". */
  static final String IMPORT_INTO = "import into";

  @Inject AybConfiguration configuration;
  @Inject AccessPolicy access;
  @Inject AccountRepository accounts;
  @Inject HostedDatabaseRepository databases;
  @Inject QueryAdmission admission;
  @Inject DefaultQuotaService quotas;
  @Inject DatabaseCopies copies;
  @Inject ExportSlots exportSlots;
  @Inject Snapshotter snapshotter;
  @Inject SnapshotStorageSource storages;
  @Inject ForkRegistrar registrar;
  @Inject HostedFiles files;

  @Override
  public ExportedFile export(
      Optional<Caller> caller, String clientAddress, String entity, String database) {
    return export(caller, clientAddress, entity, database, false);
  }

  @Override
  public ExportedFile exportSqlDump(
      Optional<Caller> caller, String clientAddress, String entity, String database) {
    return export(caller, clientAddress, entity, database, true);
  }

  private ExportedFile export(
      Optional<Caller> caller,
      String clientAddress,
      String entity,
      String database,
      boolean sqlDump) {
    AuthorizedDatabase found;
    try {
      found = access.discover(caller, entity, database);
    } catch (AybException e) {
      throw notFound(entity, database);
    }
    if (found.queryLevel().isEmpty()) {
      // Reading is what an export is: whoever may not read learns nothing, not even existence.
      throw notFound(entity, database);
    }
    requireSqlite(found.ref(), "Export");
    // The place outlives the admission: it is given back when the download ends.
    Runnable place = exportSlots.take(caller, clientAddress);
    try (QueryAdmission.Ticket ticket = admission.admit(caller, clientAddress, found.path())) {
      Path folder = copies.exportFolder();
      Path file = folder.resolve(found.database().slug() + (sqlDump ? ".sql" : ""));
      try {
        if (sqlDump) {
          dump(found.ref(), file);
        } else {
          copies.copy(found.ref(), file);
        }
        return new ExportedFile(
            file, file.getFileName().toString(), Files.size(file), sha256(file), place);
      } catch (IOException | RuntimeException e) {
        Snapshotter.deleteTree(folder);
        if (e instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        throw (RuntimeException) e;
      }
    } catch (RuntimeException e) {
      place.run();
      throw e;
    }
  }

  /**
   * Export and import move SQLite files (their media type, header and checks are SQLite's); a
   * DuckDB database is refused with 400 rather than answered with a file of the wrong kind.
   */
  private static void requireSqlite(DatabaseRef ref, String what) {
    if (ref.type() != DatabaseType.SQLITE) {
      throw AybException.badRequest(
          what
              + " is supported for sqlite databases only; "
              + ref.path()
              + " is a "
              + ref.type().word()
              + " database");
    }
  }

  /**
   * Writes {@code ref} as SQL text to {@code target}: a consistent copy is made in a new version
   * folder of the database (only there may a daemon of its own open it), read by that daemon, and
   * removed.
   */
  private void dump(DatabaseRef ref, Path target) throws IOException {
    QueryEngine engine = snapshotter.engine();
    Path version = files.newVersion(ref.entity(), ref.database());
    Path copy = version.resolve(ref.database());
    try {
      copies.copy(ref, copy);
      long limit = configuration.limits().maxDumpBytes();
      try (java.io.Writer out =
          new java.io.BufferedWriter(
              new java.io.OutputStreamWriter(
                  new DumpLimit(Files.newOutputStream(target), limit, ref.path()),
                  java.nio.charset.StandardCharsets.UTF_8))) {
        new SqlDump(engine, ref, copy).writeTo(out);
      } finally {
        engine.releaseFile(ref, copy);
      }
    } finally {
      Snapshotter.deleteTree(version);
    }
  }

  @Override
  public void importDatabase(
      Caller caller,
      String clientAddress,
      String entity,
      String database,
      Supplier<InputStream> content) {
    Objects.requireNonNull(content, "content");
    AuthorizedDatabase found = access.manage(caller, entity, database, IMPORT_INTO);
    DatabaseRef ref = found.ref();
    requireSqlite(ref, "Import");
    QueryEngine engine = snapshotter.engine();
    try (QueryAdmission.Ticket ticket =
        admission.admit(Optional.of(caller), clientAddress, found.path())) {
      Path version = files.newVersion(ref.entity(), ref.database());
      Path file = version.resolve(ref.database());
      boolean switched = false;
      try {
        receive(
            content.get(),
            file,
            configuration.sandbox().maxFileSize(),
            quotas.writeBudget(found.database()),
            found);
        try {
          new ImportCheck(engine, files).check(ref, file);
        } finally {
          engine.releaseFile(ref, file);
        }
        snapshotPrevious(ref);
        snapshotter.exclusively(
            ref,
            "import",
            () -> {
              snapshotter.switchIn(ref, version, engine);
              return null;
            });
        switched = true;
        LOG.info(() -> "Imported a file of " + sizeOf(file) + " bytes into " + ref.path());
      } finally {
        if (!switched) {
          Snapshotter.deleteTree(version);
        }
      }
    }
  }

  @Override
  public CreatedDatabase fork(
      Caller caller,
      String clientAddress,
      String entity,
      String database,
      Requested<ForkTarget> forkTo) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(forkTo, "forkTo");
    AuthorizedDatabase found = access.discover(Optional.of(caller), entity, database);
    ForkTarget target = forkTo.required();
    String slug = target.database();
    Slugs.problem(Slugs.Kind.DATABASE, slug)
        .ifPresent(
            problem -> {
              throw new AybException(
                  ErrorType.InvalidSlug, AybException.Kind.INVALID_INPUT, problem);
            });
    String ownerSlug = Slugs.lowerCase(target.entity());
    Account owner =
        accounts
            .find(ownerSlug)
            .orElseThrow(() -> AybException.recordNotFound(ownerSlug, "entity"));
    DefaultDatabaseService.requireCreator(caller, owner);
    if (databases.find(owner, slug).isPresent()) {
      throw new AybException(
          ErrorType.Other, AybException.Kind.CONFLICT, DefaultDatabaseService.ALREADY_EXISTS);
    }
    quotas.checkCreate(owner);
    try (QueryAdmission.Ticket ticket =
        admission.admit(Optional.of(caller), clientAddress, found.path())) {
      Path version = files.newVersion(owner.slug(), slug);
      boolean done = false;
      try {
        Path file = version.resolve(slug);
        copies.copy(found.ref(), file);
        quotas.checkAdd(owner, sizeOf(file));
        try {
          registrar.register(owner, slug, found.database().type(), found.path());
        } catch (PersistenceException | EJBException e) {
          throw DefaultDatabaseService.refusedInsert(e);
        }
        files.switchTo(owner.slug(), slug, version);
        done = true;
        LOG.info(() -> "Forked " + found.path() + " to " + owner.slug() + "/" + slug);
        return new CreatedDatabase(owner.slug(), slug, found.database().type().word());
      } finally {
        if (!done) {
          Snapshotter.deleteTree(version);
        }
      }
    }
  }

  /**
   * Copies the upload to {@code file}, stopping as soon as it passes {@code maxFileSize} (413) or
   * {@code budget}, what the owner's storage quota leaves for this database (403; 0: no quota).
   */
  private static void receive(
      InputStream content, Path file, long maxFileSize, long budget, AuthorizedDatabase found) {
    byte[] buffer = new byte[64 << 10];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        total += n;
        if (maxFileSize > 0 && total > maxFileSize) {
          throw new AybException(
              ErrorType.Other,
              AybException.Kind.TOO_LARGE,
              "The uploaded file is larger than "
                  + maxFileSize
                  + " bytes, the most a database file may take ([sandbox] max_file_size)");
        }
        if (budget > 0 && total > budget) {
          throw new AybException(
              ErrorType.Other,
              DefaultQuotaService.QUOTA_KIND,
              "Storage quota exceeded: the uploaded file is larger than the "
                  + budget
                  + " bytes left for "
                  + found.path()
                  + " ([limits] max_bytes_per_entity)");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // The body stopped arriving: it fell below [http] min_body_rate past body_timeout, or the
      // client went away.
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.TIMED_OUT,
          "The upload did not arrive in time (it must keep up [http] min_body_rate once"
              + " [http] body_timeout has passed) or was cut off: "
              + e.getMessage());
    }
    if (total == 0) {
      throw ImportCheck.refused("the part \"database\" is empty");
    }
  }

  /** With snapshots configured, the version about to be replaced is kept as a snapshot first. */
  private void snapshotPrevious(DatabaseRef ref) {
    storages
        .storage()
        .ifPresent(
            storage -> {
              int max =
                  configuration
                      .snapshots()
                      .flatMap(AybConfiguration.Snapshots::automation)
                      .map(AybConfiguration.Automation::maxSnapshots)
                      .orElse(Integer.MAX_VALUE);
              Snapshotter.Outcome outcome = snapshotter.snapshot(ref, storage, max);
              LOG.info(() -> "Before the import into " + ref.path() + ", its snapshot: " + outcome);
            });
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return Base64.getEncoder().encodeToString(digest.digest());
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Cannot measure " + file, e);
      return 0;
    }
  }

  private static AybException notFound(String entity, String database) {
    return AybException.recordNotFound(Slugs.lowerCase(entity) + "/" + database, "database");
  }
}
