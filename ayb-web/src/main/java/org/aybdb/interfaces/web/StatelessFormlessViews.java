package org.aybdb.interfaces.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.Iterator;

/**
 * Marks a view that renders no form as transient just before it is rendered. Faces keeps the state
 * of every other view in the HTTP session, so without this the first anonymous look at any page
 * (the home page, say) would create a session. A view without a form takes no posts, so it needs
 * neither saved state nor the view state's CSRF key.
 */
public class StatelessFormlessViews implements SystemEventListener {

  @Override
  public boolean isListenerForSource(Object source) {
    return source instanceof UIViewRoot;
  }

  @Override
  public void processEvent(SystemEvent event) {
    UIViewRoot view = (UIViewRoot) event.getSource();
    if (!view.isTransient() && !rendersAForm(view)) {
      view.setTransient(true);
    }
  }

  private static boolean rendersAForm(UIComponent component) {
    if (!component.isRendered()) {
      return false;
    }
    if (component instanceof UIForm) {
      return true;
    }
    for (Iterator<UIComponent> children = component.getFacetsAndChildren(); children.hasNext(); ) {
      if (rendersAForm(children.next())) {
        return true;
      }
    }
    return false;
  }
}
