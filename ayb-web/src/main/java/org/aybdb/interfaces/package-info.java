/** The ways in, per use case: the HTTP API (rest) and the web UI (web). */
package org.aybdb.interfaces;
