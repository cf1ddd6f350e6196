package org.aybdb.infrastructure.resources;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Gives the application's own resources (those outside a library, e.g. {@code ayb/ayb.css}) a
 * {@code v=} parameter from their content, so that a changed file gets a new URL and browsers may
 * cache each one for long. Library resources (PrimeFaces) already carry their library's version.
 */
public class VersionedResourceHandler extends ResourceHandlerWrapper {

  private final Map<String, String> versions = new ConcurrentHashMap<>();

  public VersionedResourceHandler(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Resource createResource(String resourceName) {
    return versioned(super.createResource(resourceName), null);
  }

  @Override
  public Resource createResource(String resourceName, String libraryName) {
    return versioned(super.createResource(resourceName, libraryName), libraryName);
  }

  @Override
  public Resource createResource(String resourceName, String libraryName, String contentType) {
    return versioned(super.createResource(resourceName, libraryName, contentType), libraryName);
  }

  private Resource versioned(Resource resource, String libraryName) {
    if (resource == null || libraryName != null) {
      return resource;
    }
    String version = versions.computeIfAbsent(resource.getResourceName(), name -> hash(resource));
    return new ResourceWrapper(resource) {
      @Override
      public String getRequestPath() {
        String path = super.getRequestPath();
        return path + (path.contains("?") ? "&" : "?") + "v=" + version;
      }
    };
  }

  private static String hash(Resource resource) {
    CRC32 crc = new CRC32();
    try (InputStream in = resource.getInputStream()) {
      byte[] chunk = new byte[8192];
      for (int read = in.read(chunk); read > 0; read = in.read(chunk)) {
        crc.update(chunk, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getResourceName(), e);
    }
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
