/** The EJB implementations of the application services and what they share. */
package org.aybdb.application.internal;
