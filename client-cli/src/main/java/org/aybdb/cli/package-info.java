/** The {@code ayb} command line: picocli commands, exit codes and error reporting. */
package org.aybdb.cli;
