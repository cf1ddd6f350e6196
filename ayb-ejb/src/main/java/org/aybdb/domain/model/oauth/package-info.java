/** OAuth 2.0 authorization-code requests that let browser apps obtain a scoped token. */
package org.aybdb.domain.model.oauth;
