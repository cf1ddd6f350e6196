package org.aybdb.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@code URL} field of a black-box IT that receives the base URL of the {@link
 * SharedServer} (the WAR on Payara Micro), set before each test's {@code @BeforeEach} methods run.
 * The server is started on the first use in the test JVM and serves every later IT class of it.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedServerExtension.class)
public @interface ServerUrl {}
