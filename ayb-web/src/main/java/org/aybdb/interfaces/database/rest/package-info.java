/** ayb's database endpoints: create, details, update, query, share and permissions. */
package org.aybdb.interfaces.database.rest;
