/**
 * What every page of the web UI shares: friendly paths routed to Faces views, the server-side
 * log-in session, its cookie, and the cross-site request checks.
 */
package org.aybdb.interfaces.web;
