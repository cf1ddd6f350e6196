/** The database pages: creating a database, the query editor and results, sharing. */
package org.aybdb.interfaces.database.web;
