/** ayb's domain model: entities, their hosted databases, credentials and sharing grants. */
package org.aybdb.domain.model;
