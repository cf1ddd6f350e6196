/** Verifying profile links: fetching a page and finding its {@code rel="me"} link back. */
package org.aybdb.infrastructure.links;
