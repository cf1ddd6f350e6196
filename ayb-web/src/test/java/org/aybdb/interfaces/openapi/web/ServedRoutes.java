package org.aybdb.interfaces.openapi.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The HTTP routes the WAR serves itself, read from its classes: every JAX-RS resource method (the
 * class's {@code @Path} joined with the method's, for each {@code @GET}, {@code @POST}, ... it
 * carries or inherits) and every servlet mapped below the API's own prefixes. Sub-resource locators
 * are refused rather than guessed at.
 */
final class ServedRoutes {

  /** Servlet mappings below these belong to the HTTP API (the UI's live under /static). */
  private static final List<String> API_PREFIXES = List.of("/v1", "/health", "/openapi");

  private static final String CLASSES = "WEB-INF/classes/";

  private ServedRoutes() {}

  static List<Route> of(File war) throws Exception {
    List<Route> routes = new ArrayList<>();
    for (String name : classNames(war)) {
      Class<?> type = Class.forName(name, false, ServedRoutes.class.getClassLoader());
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      Path root = type.getAnnotation(Path.class);
      if (root != null) {
        routes.addAll(resourceRoutes(type, root.value()));
      }
      WebServlet servlet = type.getAnnotation(WebServlet.class);
      if (servlet != null) {
        routes.addAll(servletRoutes(type, servlet));
      }
    }
    return routes;
  }

  private static TreeSet<String> classNames(File war) throws Exception {
    TreeSet<String> names = new TreeSet<>();
    try (ZipFile zip = new ZipFile(war)) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        String entry = e.nextElement().getName();
        if (entry.startsWith(CLASSES) && entry.endsWith(".class") && !entry.contains("$")) {
          names.add(
              entry
                  .substring(CLASSES.length(), entry.length() - ".class".length())
                  .replace('/', '.'));
        }
      }
    }
    return names;
  }

  private static List<Route> resourceRoutes(Class<?> type, String root) {
    List<Route> routes = new ArrayList<>();
    for (Method method : type.getMethods()) {
      String httpMethod = httpMethod(method);
      Path sub = method.getAnnotation(Path.class);
      if (httpMethod == null && sub != null) {
        throw new AssertionError(
            "Sub-resource locator " + method + ": list its routes in ServedRoutes first");
      }
      if (httpMethod != null) {
        routes.add(Route.of(httpMethod, root + "/" + (sub == null ? "" : sub.value())));
      }
    }
    return routes;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static List<Route> servletRoutes(Class<?> type, WebServlet servlet) {
    List<String> patterns = new ArrayList<>(List.of(servlet.urlPatterns()));
    patterns.addAll(List.of(servlet.value()));
    List<Route> routes = new ArrayList<>();
    for (String pattern : patterns) {
      if (API_PREFIXES.stream().noneMatch(prefix -> pattern.startsWith(prefix))) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        // doGet, doPost, ...: the methods the servlet answers.
        if (method.getName().matches("do[A-Z][a-z]+") && method.getParameterCount() == 2) {
          routes.add(Route.of(method.getName().substring(2).toUpperCase(Locale.ROOT), pattern));
        }
      }
    }
    return routes;
  }
}
