/** JSON-P with one provider looked up once. */
package org.aybdb.infrastructure.json;
