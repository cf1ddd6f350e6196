/** Bearer authentication with API tokens, required or optional per endpoint. */
package org.aybdb.interfaces.rest.auth;
