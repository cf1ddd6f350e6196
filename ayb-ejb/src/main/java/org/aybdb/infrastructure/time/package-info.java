/** Where the application reads the time. */
package org.aybdb.infrastructure.time;
