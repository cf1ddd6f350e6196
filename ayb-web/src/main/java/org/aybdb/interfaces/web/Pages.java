package org.aybdb.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.aybdb.application.AybException;

/** What page beans share: route parameters, messages, redirects and statuses. */
public final class Pages {

  private Pages() {}

  /** A path parameter that the routing filter put on this request. */
  public static Optional<String> routeParameter(String name) {
    Object value = FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(name);
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** Shows an error next to the page's messages. */
  public static void error(String summary, String detail) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
  }

  /** Shows an error next to the field with this client id (one text: summary and detail alike). */
  public static void fieldError(String clientId, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    context.validationFailed();
  }

  /** Shows a service refusal with ayb's message. */
  public static void error(String summary, AybException refused) {
    error(summary, describe(refused));
  }

  /**
   * Shows a service refusal only where the messages of {@code key} are shown ({@code p:messages
   * for="key" forType="key"}), not with the page's global messages.
   */
  public static void error(String key, String summary, AybException refused) {
    FacesContext.getCurrentInstance()
        .addMessage(key, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, describe(refused)));
  }

  public static void info(String summary, String detail) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
  }

  /** ayb's message, or for the variants without one what was not found. */
  public static String describe(AybException refused) {
    if (refused.errorMessage() != null) {
      return refused.errorMessage();
    }
    if (refused.recordType() != null) {
      return "No " + refused.recordType() + " " + refused.recordId() + " was found.";
    }
    return refused.type().name();
  }

  /** Redirects (after the current phase) to a local path. */
  public static void redirect(String path) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }

  /** The response status of a page that shows an error instead of its content. */
  public static void status(int status) {
    ((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse())
        .setStatus(status);
  }

  /** The request's parameters (the first value of each), in the order sent. */
  public static Map<String, String> queryParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterValuesMap()
        .forEach((name, values) -> parameters.put(name, values.length == 0 ? "" : values[0]));
    return parameters;
  }

  /** A query-string value, percent-encoded. */
  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
