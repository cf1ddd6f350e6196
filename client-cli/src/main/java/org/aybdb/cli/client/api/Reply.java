package org.aybdb.cli.client.api;

/**
 * A successful answer: what the client read from it, and the body as the server sent it (what
 * {@code --format json} prints).
 */
public record Reply<T>(T value, String body) {}
