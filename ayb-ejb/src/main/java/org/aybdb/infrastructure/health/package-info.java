/** MicroProfile Health checks: metadata store reachable, data path writable, query sandbox. */
package org.aybdb.infrastructure.health;
