/** {@code ayb client}: the HTTP client of an ayb server. */
package org.aybdb.cli.client;
