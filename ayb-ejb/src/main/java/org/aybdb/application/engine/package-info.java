/** The port through which application services run SQL on hosted database files. */
package org.aybdb.application.engine;
