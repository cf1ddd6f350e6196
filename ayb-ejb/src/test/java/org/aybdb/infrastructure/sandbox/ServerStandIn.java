package org.aybdb.infrastructure.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;

/**
 * A stand-in for a server JVM (started by {@link OrphanedDaemonsIT}): runs a pool with two live
 * daemons, prints their process ids and waits to be killed.
 */
public final class ServerStandIn {

  private ServerStandIn() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    PooledQueryEngine engine =
        Engines.engine(
            data,
            Engines.settings(4, Duration.ofMinutes(10), Duration.ofSeconds(10)),
            PoolListener.NONE);
    StringBuilder pids = new StringBuilder("PIDS");
    for (String name : new String[] {"a.sqlite", "b.sqlite"}) {
      DatabaseRef db = Engines.create(data, "standin", name);
      engine.execute(db, AccessMode.READ_WRITE, "CREATE TABLE t(a)");
      pids.append(' ').append(engine.pool().daemonPid(db.path()).orElseThrow());
    }
    System.out.println(pids);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
