/** Application metrics: MicroProfile Metrics where the server has it, nothing where it has not. */
package org.aybdb.infrastructure.metrics;
