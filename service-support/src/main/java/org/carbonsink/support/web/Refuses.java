package org.carbonsink.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The problems a handler answers that the API description cannot tell from its signature: the
 * statuses of the {@link ProblemException}s it or the use case it calls throws ({@code 409} when the
 * resource's state forbids the command, {@code 422} when a rule of the domain does). On a controller it
 * applies to each of its handlers. {@link OperationProblems} adds what it can tell by itself (400, 404)
 * and {@link IdempotencyFilter#refusals} what the filter answers (428 and the others of a key).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Refuses {

    HttpStatus[] value() default {};

    /**
     * Whether an id in the path that names nothing is answered 404 (the default). False for a handler
     * that lists by a path value without looking it up (an unknown dead-letter topic lists nothing).
     */
    boolean pathIdsLookedUp() default true;
}
