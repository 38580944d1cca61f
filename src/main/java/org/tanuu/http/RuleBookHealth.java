package org.tanuu.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.tanuu.rulebook.RuleBook;

/** Readiness: DOWN until a rule book is loaded, then UP with its version. Liveness: the process answers. */
public class RuleBookHealth {

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        RuleBookService ruleBooks;

        @Override
        public HealthCheckResponse call() {
            RuleBook book = ruleBooks.loaded();
            return book == null
                    ? HealthCheckResponse.named("rule book").down().build()
                    : HealthCheckResponse.named("rule book").up().withData("version", book.version())
                            .withData("rules", book.rules().size()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("tanuu");
        }
    }
}
