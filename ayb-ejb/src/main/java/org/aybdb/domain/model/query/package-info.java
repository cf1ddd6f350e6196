/** What users keep of their queries in the web UI's editor: history and saved named queries. */
package org.aybdb.domain.model.query;
