/** {@code /health} as ayb answers it, plus MicroProfile Health liveness and readiness. */
package org.aybdb.interfaces.health.rest;
