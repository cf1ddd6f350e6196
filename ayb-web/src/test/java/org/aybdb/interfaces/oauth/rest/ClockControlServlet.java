package org.aybdb.interfaces.oauth.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/** {@code POST /it-clock?seconds=N} moves {@link ShiftedClock} to N seconds ahead (tests only). */
@WebServlet("/it-clock")
public class ClockControlServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) {
    ShiftedClock.offset = Duration.ofSeconds(Long.parseLong(request.getParameter("seconds")));
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
