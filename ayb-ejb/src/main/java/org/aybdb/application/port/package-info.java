/** Ports: what the application needs from the outside world, implemented by infrastructure. */
package org.aybdb.application.port;
