/** ayb's snapshot endpoints: list the snapshots of a database and restore one. */
package org.aybdb.interfaces.snapshot.rest;
