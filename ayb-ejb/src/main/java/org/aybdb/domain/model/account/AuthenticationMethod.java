package org.aybdb.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A way for an entity to log in: today a verified e-mail address. An address belongs to at most one
 * entity.
 */
@Entity
@Table(name = "authentication_method")
public class AuthenticationMethod {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "entity_id", nullable = false)
  private Account account;

  @Column(name = "method_type", nullable = false)
  private AuthenticationMethodType methodType;

  @Column(nullable = false)
  private AuthenticationMethodStatus status;

  @Column(name = "email_address", nullable = false, length = 256)
  private String emailAddress;

  protected AuthenticationMethod() {}

  public AuthenticationMethod(Account account, String emailAddress) {
    this.account = Objects.requireNonNull(account, "account");
    this.emailAddress = Objects.requireNonNull(emailAddress, "emailAddress");
    this.methodType = AuthenticationMethodType.EMAIL;
    this.status = AuthenticationMethodStatus.VERIFIED;
  }

  public Long id() {
    return id;
  }

  public Account account() {
    return account;
  }

  public AuthenticationMethodType methodType() {
    return methodType;
  }

  public AuthenticationMethodStatus status() {
    return status;
  }

  public String emailAddress() {
    return emailAddress;
  }
}
