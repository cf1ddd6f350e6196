/** The account pages: sign up, log in and out, confirmation, entity pages and API tokens. */
package org.aybdb.interfaces.account.web;
