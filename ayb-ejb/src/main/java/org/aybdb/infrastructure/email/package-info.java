/** Sending e-mail: the SMTP (Jakarta Mail) and JSON Lines file backends, and ayb's messages. */
package org.aybdb.infrastructure.email;
