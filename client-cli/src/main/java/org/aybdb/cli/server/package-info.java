/**
 * {@code ayb server} and {@code ayb default_server_config}: the launcher that runs Payara Micro
 * with the ayb WAR in a child JVM, watches it until it is healthy and stops it (and everything it
 * started) again.
 */
package org.aybdb.cli.server;
