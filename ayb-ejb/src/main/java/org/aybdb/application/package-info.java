/** Application services (use cases) and the errors they report to every interface. */
package org.aybdb.application;
