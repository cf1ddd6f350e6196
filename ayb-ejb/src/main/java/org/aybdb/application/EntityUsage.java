package org.aybdb.application;

/**
 * What an entity stores against its quotas ({@code [limits]}): how many databases and how many
 * bytes of database files (the current version of each, journals included; snapshots and their
 * scratch files are not counted). A maximum of 0 means no limit.
 */
public record EntityUsage(int databases, int maxDatabases, long bytes, long maxBytes) {}
