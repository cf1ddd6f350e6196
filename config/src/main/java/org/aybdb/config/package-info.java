/** Reading, validating and writing ayb's server configuration (ayb.toml and AYB__ overrides). */
package org.aybdb.config;
