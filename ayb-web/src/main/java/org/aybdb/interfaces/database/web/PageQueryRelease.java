package org.aybdb.interfaces.database.web;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Gives a page's place under the query limits back as soon as the page is rendered. The request
 * scope ends only after the container has sent the response, so a client that loads a page and then
 * queries at once would otherwise find the page's place still taken (anonymous callers have one
 * place per database) and get 429. Pages that render nothing (downloads) keep the place until the
 * request scope ends, as before.
 */
public class PageQueryRelease implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // nothing to do before rendering
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    Object held =
        event.getFacesContext().getExternalContext().getRequestMap().get(PageQueryAdmission.HELD);
    if (held instanceof PageQueryAdmission admission) {
      admission.release();
    }
  }
}
