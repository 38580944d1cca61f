package org.tanuu.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.tanuu.rulebook.RuleBook;

/**
 * Readiness: DOWN until a rule book is loaded, then UP with its version; with OIDC on, DOWN too while the identity
 * provider cannot be reached (no token could be checked). Liveness: the process answers.
 */
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

    @Readiness
    @ApplicationScoped
    public static class IdentityProvider implements HealthCheck {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
        boolean oidc;

        @ConfigProperty(name = "quarkus.oidc.auth-server-url")
        Optional<String> provider;

        @Override
        public HealthCheckResponse call() {
            if (!oidc || provider.isEmpty()) {
                return HealthCheckResponse.named("identity provider").up().withData("provider", oidc ? "a local key" : "none").build();
            }
            String discovery = provider.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                return HealthCheckResponse.named("identity provider").status(status == 200).withData("provider", provider.get()).build();
            } catch (IOException e) {
                return HealthCheckResponse.named("identity provider").down().withData("provider", provider.get())
                        .withData("error", "unreachable").build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HealthCheckResponse.named("identity provider").down().build();
            }
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
