package org.aybdb.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.aybdb.config.AybConfiguration;

/**
 * The UI's session cookie: HttpOnly, never a session id in a URL, and Secure when the server is
 * published over HTTPS ({@code public_url}); otherwise the container marks it Secure on requests
 * that arrive over HTTPS. SameSite=Lax is set in {@code payara-web.xml}, where Payara reads it for
 * its session cookie.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

  @Inject AybConfiguration configuration;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    if (configuration.publicUrl().map(url -> url.startsWith("https://")).orElse(false)) {
      cookie.setSecure(true);
    }
  }
}
