/** Where hosted database files live under {@code data_path}, in switchable versions. */
package org.aybdb.infrastructure.storage;
