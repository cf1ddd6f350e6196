package org.aybdb.infrastructure.persistence.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.sessions.Session;

/**
 * Counts the changes written to what access decisions are made of: entities (accounts), hosted
 * databases and their permissions. Caches of those decisions compare {@link #version()} with the
 * one they were filled at and start over when it moved.
 *
 * <p>The version moves when EclipseLink writes an insert, update or delete of one of these (whoever
 * the writer: a service, the web UI, an import, a fork) and again once that transaction has ended,
 * so that a reader that took the old row before the commit cannot keep it. Changes made to the
 * store by someone else (another node, an operator's SQL) are not seen: the caches bound how long
 * they trust an entry instead.
 */
public final class MetadataChanges {

  private static final Logger LOG = Logger.getLogger(MetadataChanges.class.getName());
  private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
  private static final AtomicLong VERSION = new AtomicLong();

  private MetadataChanges() {}

  /** The number of changes seen so far. */
  public static long version() {
    return VERSION.get();
  }

  /** Notes a change now and again once the current transaction (if any) has ended. */
  public static void changed() {
    VERSION.incrementAndGet();
    try {
      TransactionSynchronizationRegistry registry =
          (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
      if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
        registry.registerInterposedSynchronization(AFTER_COMPLETION);
      }
    } catch (NamingException | RuntimeException e) {
      // Outside a JTA transaction (tests, resource-local use): the write itself is the commit.
      LOG.log(Level.FINEST, "No transaction to follow for a metadata change", e);
    }
  }

  /** Registers the listener on the descriptors of the entities access decisions are made of. */
  static void listen(Session session) {
    for (Class<?> type :
        new Class<?>[] {Account.class, HostedDatabase.class, DatabasePermission.class}) {
      ClassDescriptor descriptor = session.getDescriptor(type);
      if (descriptor == null) {
        // Caches would never hear of this entity's changes: better none than stale ones.
        throw new IllegalStateException("No EclipseLink descriptor for " + type.getName());
      }
      descriptor.getEventManager().addListener(LISTENER);
    }
  }

  private static final Synchronization AFTER_COMPLETION =
      new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          VERSION.incrementAndGet();
        }
      };

  private static final DescriptorEventAdapter LISTENER =
      new DescriptorEventAdapter() {
        @Override
        public void postWrite(DescriptorEvent event) {
          changed();
        }

        @Override
        public void postDelete(DescriptorEvent event) {
          changed();
        }
      };
}
