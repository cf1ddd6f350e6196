/** Hosted databases and their public sharing level. */
package org.aybdb.domain.model.database;
