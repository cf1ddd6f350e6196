/** Entities (users and organizations), their authentication methods and API tokens. */
package org.aybdb.domain.model.account;
