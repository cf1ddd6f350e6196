/** {@code /openapi}: the OpenAPI 3.1 description of the HTTP API, in YAML or JSON. */
package org.aybdb.interfaces.openapi.web;
