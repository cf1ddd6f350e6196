/** The metadata store's data source when the application server provides it by JNDI name. */
package org.aybdb.infrastructure.persistence.datasource;
