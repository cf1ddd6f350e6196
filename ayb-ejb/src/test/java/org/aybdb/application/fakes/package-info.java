/** In-memory fakes of the application's ports, for use cases tested without a container. */
package org.aybdb.application.fakes;
