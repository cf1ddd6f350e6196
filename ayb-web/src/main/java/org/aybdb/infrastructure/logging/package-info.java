/** The server's own logs: keeping client behaviour from flooding them. */
package org.aybdb.infrastructure.logging;
