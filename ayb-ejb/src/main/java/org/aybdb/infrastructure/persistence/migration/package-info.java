/** The metadata store's data source and its versioned schema migrations (Flyway). */
package org.aybdb.infrastructure.persistence.migration;
