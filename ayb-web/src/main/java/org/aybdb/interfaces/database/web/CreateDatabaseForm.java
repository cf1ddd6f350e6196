package org.aybdb.interfaces.database.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.Requested;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.UiRoutes;
import org.aybdb.interfaces.web.Visitor;

/** The create-database form on one's own entity page: slug, engine and public level. */
@Named
@ViewScoped
public class CreateDatabaseForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DatabaseService databases;
  @Inject Visitor visitor;

  private String slug;
  private String engine = "sqlite";
  private String publicSharingLevel = "no-access";
  private boolean open;

  public void toggle() {
    open = !open;
  }

  public void create() {
    Optional<Caller> caller = visitor.caller();
    String entity = Pages.routeParameter(UiRoutes.ENTITY).orElse("");
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=/" + Pages.segment(entity));
      return;
    }
    // ayb's page lower-cases the slug; the API keeps it as given.
    String database = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
    try {
      CreatedDatabase created =
          databases.create(
              caller.get(),
              entity,
              database,
              Requested.parse(engine, DatabaseType::fromWord),
              Requested.parse(publicSharingLevel, PublicSharingLevel::fromWord));
      Pages.redirect(
          "/" + Pages.segment(created.entity()) + "/" + Pages.segment(created.database()));
    } catch (AybException refused) {
      Pages.error("Could not create the database", refused);
    }
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public String getPublicSharingLevel() {
    return publicSharingLevel;
  }

  public void setPublicSharingLevel(String publicSharingLevel) {
    this.publicSharingLevel = publicSharingLevel;
  }

  public boolean isOpen() {
    return open;
  }
}
