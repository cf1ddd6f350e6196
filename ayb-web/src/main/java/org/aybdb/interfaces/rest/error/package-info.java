/** Turns every failure into ayb's JSON error body with a fitting HTTP status. */
package org.aybdb.interfaces.rest.error;
