package org.aybdb.interfaces.rest;

import java.lang.reflect.Field;
import java.net.URL;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Sets the {@link ServerUrl} fields of the test instance to the {@link SharedServer}'s base URL.
 */
public class SharedServerExtension implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field :
          AnnotationSupport.findAnnotatedFields(instance.getClass(), ServerUrl.class)) {
        if (field.getType() != URL.class) {
          throw new IllegalStateException("@ServerUrl needs a java.net.URL field: " + field);
        }
        field.setAccessible(true);
        field.set(instance, SharedServer.base());
      }
    }
  }
}
