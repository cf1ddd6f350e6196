/** Application services (use cases), the values they exchange, and the errors they report. */
package org.aybdb.application;
