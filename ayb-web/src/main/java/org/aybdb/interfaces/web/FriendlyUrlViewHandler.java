package org.aybdb.interfaces.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

/**
 * Makes forms post back to the address the browser shows ({@code /alice/db}), not to the Faces view
 * behind it, so the routing filter sees (and checks) every postback and reloads keep working.
 */
public class FriendlyUrlViewHandler extends ViewHandlerWrapper {

  public FriendlyUrlViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    Object friendly = context.getExternalContext().getRequestMap().get(UiRoutes.FRIENDLY_PATH);
    if (friendly instanceof String path
        && context.getViewRoot() != null
        && viewId.equals(context.getViewRoot().getViewId())) {
      return context.getExternalContext().getRequestContextPath() + encode(path);
    }
    return super.getActionURL(context, viewId);
  }

  /** The path as the browser sent it is already encoded; only quotes need care in HTML. */
  private static String encode(String path) {
    return path.replace("\"", "%22").replace("'", "%27").replace("<", "%3C").replace(">", "%3E");
  }
}
