package org.tanuu.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer of the service port, errors included: no page may frame it
 * ({@code frame-ancestors 'none'}, {@code X-Frame-Options}), no content type is sniffed, and nothing is stored by a
 * cache (answers hold interview data; the page's modules are small and must never mix versions).
 */
@ApplicationScoped
public class SecurityHeaders {
    void headers(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set("Content-Security-Policy", "frame-ancestors 'none'")
                    .set("X-Frame-Options", "DENY")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Cache-Control", "no-store"));
            ctx.next();
        });
    }
}
