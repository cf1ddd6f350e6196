package org.aybdb.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/** The status of the page shown for an expired or forged form (a client's mistake, not ours). */
@Named
@RequestScoped
public class ErrorPages {

  /** A form whose view state is unknown to this session: 400, not the container's 500. */
  public void staleForm() {
    ((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse())
        .setStatus(HttpServletResponse.SC_BAD_REQUEST);
  }
}
