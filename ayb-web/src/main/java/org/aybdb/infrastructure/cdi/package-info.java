/** Adapters to the CDI implementation the server runs (Weld on Payara and WildFly). */
package org.aybdb.infrastructure.cdi;
