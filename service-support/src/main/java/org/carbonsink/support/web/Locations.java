package org.carbonsink.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code Location} of what a request created, as the client can follow it. Behind the gateway a
 * service's path ({@code /projects/42}) is not the client's ({@code /api/registry/projects/42}): the
 * gateway strips its route's prefix and names it in {@value #PREFIX}, which is put back here. A prefix that
 * is not plain path segments is ignored (the header comes from whoever calls), so a Location never names
 * another host or a path a client could not have called.
 */
public final class Locations {

    /** The header Spring Cloud Gateway sets to the path its route stripped ({@code StripPrefix}). */
    public static final String PREFIX = "X-Forwarded-Prefix";

    private static final Pattern SEGMENTS = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private Locations() {
    }

    /** {@code path} (the service's own, starting with /) as the current request's client sees it. */
    public static URI of(String path) {
        return of(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest(), path);
    }

    /**
     * The problem {@code instance} of {@code request}: its path as its client called it, or null (a path that is not
     * a URI, which Tomcat lets through in rare cases; the problem then names none rather than failing).
     */
    public static URI instance(HttpServletRequest request) {
        try {
            return of(request, request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** {@code path} (the service's own, starting with /) as the client of {@code request} sees it. */
    public static URI of(HttpServletRequest request, String path) {
        String prefix = request.getHeader(PREFIX);
        if (prefix == null || !SEGMENTS.matcher(prefix).matches() || prefix.contains("/../") || prefix.endsWith("/..")
                || prefix.contains("/./") || prefix.endsWith("/.")) {
            return URI.create(path);
        }
        return URI.create(prefix + path);
    }
}
