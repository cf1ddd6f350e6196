/** Publishes ayb.toml and AYB__ overrides to MicroProfile Config and CDI. */
package org.aybdb.infrastructure.configuration;
