/**
 * A JCA-style connector pool of query daemons: a factory of managed daemons matched by database,
 * and a connection manager that bounds, validates, evicts and retires them.
 */
package org.aybdb.infrastructure.sandbox.pool;
