package org.aybdb.config;

/**
 * A missing, unreadable or invalid configuration. The message is complete and meant for a person:
 * it names the key and where it came from (file path or environment variable), never a stack trace.
 */
public class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
