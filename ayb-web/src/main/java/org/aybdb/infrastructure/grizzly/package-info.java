/** Payara Micro's HTTP server (Grizzly): what ayb adds to its filter chain. */
package org.aybdb.infrastructure.grizzly;
