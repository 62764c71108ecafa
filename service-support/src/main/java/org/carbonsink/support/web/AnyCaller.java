package org.carbonsink.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that needs a token but refuses no caller that has one: it checks no role and no ownership
 * (it reads what every participant may read, or only the caller's own). Its API description lists 401
 * and no 403 ({@link OperationSecurity}), unless a role rule of the service covers its path, since that
 * rule refuses before the handler runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface AnyCaller {
}
