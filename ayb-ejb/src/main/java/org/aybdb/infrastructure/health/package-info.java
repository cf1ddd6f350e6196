/** MicroProfile Health checks: metadata store reachable, data path writable. */
package org.aybdb.infrastructure.health;
