/** The sandboxed query daemon that serves one hosted database over a framed pipe protocol. */
package org.aybdb.sandbox;
