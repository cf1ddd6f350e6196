/** The query engine that runs SQL in sandboxed sandbox-agent daemons, one per hosted database. */
package org.aybdb.infrastructure.sandbox;
