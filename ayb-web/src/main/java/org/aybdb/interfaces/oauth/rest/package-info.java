/** The OAuth 2.0 token endpoint for browser apps. */
package org.aybdb.interfaces.oauth.rest;
