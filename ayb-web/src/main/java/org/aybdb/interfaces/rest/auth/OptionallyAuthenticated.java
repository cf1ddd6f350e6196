package org.aybdb.interfaces.rest.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint answers anonymous callers too; a bearer token, when present, must be valid (it is
 * never downgraded to anonymous). {@link CallerContext#optionalCaller()} names the caller.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OptionallyAuthenticated {}
