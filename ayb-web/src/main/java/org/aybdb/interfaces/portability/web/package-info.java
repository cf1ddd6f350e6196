/** The web UI's upload of a database file (import), for the logged-in visitor. */
package org.aybdb.interfaces.portability.web;
