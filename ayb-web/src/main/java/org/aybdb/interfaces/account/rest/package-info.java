/** The account endpoints: registration, confirmation, log-in, entity profiles and API tokens. */
package org.aybdb.interfaces.account.rest;
