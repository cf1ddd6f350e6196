/** The OAuth 2.0 consent page, where a user lets a browser app query one database. */
package org.aybdb.interfaces.oauth.web;
