/** The server process's lifecycle: it ends with the `ayb server` launcher that started it. */
package org.aybdb.infrastructure.lifecycle;
