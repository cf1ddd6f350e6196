/** Static resources of the web UI: gzip on the wire and content-versioned URLs. */
package org.aybdb.infrastructure.resources;
