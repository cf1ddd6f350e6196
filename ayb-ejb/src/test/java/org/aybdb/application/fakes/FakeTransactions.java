package org.aybdb.application.fakes;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A transaction that is always active; {@link #commit()} runs what waits for its completion. */
public final class FakeTransactions implements TransactionSynchronizationRegistry {

  private final List<Synchronization> waiting = new ArrayList<>();
  private final Map<Object, Object> resources = new HashMap<>();

  /** Completes the transaction as committed. */
  public void commit() {
    waiting.forEach(Synchronization::beforeCompletion);
    waiting.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
    waiting.clear();
  }

  @Override
  public Object getTransactionKey() {
    return this;
  }

  @Override
  public void putResource(Object key, Object value) {
    resources.put(key, value);
  }

  @Override
  public Object getResource(Object key) {
    return resources.get(key);
  }

  @Override
  public void registerInterposedSynchronization(Synchronization sync) {
    waiting.add(sync);
  }

  @Override
  public int getTransactionStatus() {
    return Status.STATUS_ACTIVE;
  }

  @Override
  public void setRollbackOnly() {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public boolean getRollbackOnly() {
    return false;
  }
}
