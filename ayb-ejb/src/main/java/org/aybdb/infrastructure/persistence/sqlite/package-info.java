/** SQLite support for the metadata store: the data source and EclipseLink's missing platform. */
package org.aybdb.infrastructure.persistence.sqlite;
