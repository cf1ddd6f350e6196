/** The ways in: the HTTP API (rest) and, later, the web UI (web), per use case. */
package org.aybdb.interfaces;
