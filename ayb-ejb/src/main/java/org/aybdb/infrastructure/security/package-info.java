/** Credentials: API tokens, Fernet confirmation tokens, Base58, and e-mail rate limiting. */
package org.aybdb.infrastructure.security;
