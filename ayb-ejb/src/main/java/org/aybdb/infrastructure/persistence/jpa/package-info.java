/** JPA (EclipseLink) adapters of the metadata repositories. */
package org.aybdb.infrastructure.persistence.jpa;
