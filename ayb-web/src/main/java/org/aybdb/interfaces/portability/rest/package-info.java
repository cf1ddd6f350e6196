/**
 * Export, import and fork of whole databases: {@code /v1/{entity}/{database}/export|import|fork}.
 */
package org.aybdb.interfaces.portability.rest;
