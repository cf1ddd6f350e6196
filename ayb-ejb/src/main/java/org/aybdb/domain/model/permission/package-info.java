/** Per-entity grants on hosted databases. */
package org.aybdb.domain.model.permission;
