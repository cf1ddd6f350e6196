/** The JAX-RS application and what every endpoint shares: CORS, request metrics. */
package org.aybdb.interfaces.rest;
