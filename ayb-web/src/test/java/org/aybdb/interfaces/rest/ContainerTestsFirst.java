package org.aybdb.interfaces.rest;

import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the in-container IT classes (Arquillian, which starts a Payara Micro of its own per class)
 * before the others, which start the {@link SharedServer} on first use: two servers over the
 * execution's data folder and metadata store never run at the same time. Otherwise the order the
 * engine found stays.
 */
public class ContainerTestsFirst implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparing(c -> !inContainer(c)));
  }

  private static boolean inContainer(ClassDescriptor descriptor) {
    return descriptor.findRepeatableAnnotations(ExtendWith.class).stream()
        .anyMatch(e -> List.of(e.value()).contains(ArquillianExtension.class));
  }
}
