/** The EAR deployed by tests to full application servers, and one real flow run against each. */
package org.aybdb.appserver;
