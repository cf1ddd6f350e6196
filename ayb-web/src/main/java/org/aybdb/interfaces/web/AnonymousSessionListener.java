package org.aybdb.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Every new web UI session starts as an anonymous one ({@link AnonymousSessions}). */
@WebListener
public class AnonymousSessionListener implements HttpSessionListener {

  @Inject AnonymousSessions sessions;

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    sessions.created(event.getSession());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.forget(event.getSession());
  }
}
