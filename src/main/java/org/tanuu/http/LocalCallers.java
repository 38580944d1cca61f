package org.tanuu.http;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded default, for one machine: with no authentication configured (OIDC off), the service listens on the
 * loopback interface only and every local caller has every role. Configured to listen beyond loopback without
 * authentication (the service or the management interface), or to trust forwarded headers, it refuses to start and
 * names the settings to add. A request that came through a proxy (it carries a {@code Forwarded} or
 * {@code X-Forwarded-*} header) is not a local caller: a reverse proxy needs OIDC.
 *
 * <p>The refusal comes before either port is bound, and before the rule book is loaded: it is thrown, not an
 * asynchronous exit (which let the start go on and bind both ports before the exit came). Twice over. First in the
 * earliest observer of {@link StartupEvent} ({@code @Priority(1)}, before the {@code @Startup} rule book service); in
 * Quarkus 3.34 start-up events are fired before the servers start. Then, whatever that order, where Quarkus makes the
 * service port's options ({@code VertxHttpRecorder.doServerStart} hands them to each {@link HttpServerOptionsCustomizer}
 * bean before it deploys the verticles that bind the port, and binds the management interface after that). A
 * {@link ConfigurationException} stops the start: Quarkus prints its message alone and exits with code 1.
 */
@ApplicationScoped
public class LocalCallers implements HttpAuthenticationMechanism, HttpServerOptionsCustomizer {
    private static final Logger LOG = Logger.getLogger(LocalCallers.class);
    /** The caller recorded in the audit trail for a local call. */
    static final String LOCAL = "local";

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean oidc;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1")
    String host;

    @ConfigProperty(name = "quarkus.management.host", defaultValue = "127.0.0.1")
    String managementHost;

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    /** Headers a proxy adds: a request holding one came from elsewhere, whatever its peer address. */
    private static final List<String> FORWARDED = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Real-IP");

    /** Before the service port (and so the management interface) is bound: refuses a setting that needs authentication. */
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        refuseBeforeListening();
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        refuseBeforeListening();
    }

    @Override
    public void customizeDomainSocketServer(HttpServerOptions options) {
        refuseBeforeListening();
    }

    private void refuseBeforeListening() {
        refusal().ifPresent(why -> {
            throw new ConfigurationException(message(why));
        });
    }

    private static String message(String why) {
        return why + ", but no authentication is configured: set QUARKUS_OIDC_TENANT_ENABLED=true, QUARKUS_OIDC_AUTH_SERVER_URL "
                + "and QUARKUS_OIDC_CLIENT_ID (see README, Deploy), or listen on 127.0.0.1 without a proxy. The service stops "
                + "before listening on any port.";
    }

    /** Why the settings need authentication, if they do; empty with OIDC on or on loopback alone without a proxy. */
    Optional<String> refusal() {
        if (oidc) {
            return Optional.empty();
        }
        for (String[] setting : new String[][] {{"quarkus.http.host", host}, {"quarkus.management.host", managementHost}}) {
            if (!loopback(setting[1])) {
                return Optional.of(setting[0] + "=" + setting[1] + " listens beyond this machine");
            }
        }
        if (forwarding) {
            return Optional.of("quarkus.http.proxy.proxy-address-forwarding=true trusts a proxy's headers (a reverse proxy makes every caller local)");
        }
        return Optional.empty();
    }

    void checkOnStart(@Observes @Priority(1) StartupEvent start) {
        refuseBeforeListening();
        if (!oidc) {
            LOG.infof("no authentication configured: listening on %s only, every local caller has every role", host);
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (oidc || context.request().remoteAddress() == null || !loopback(context.request().remoteAddress().host())
                || FORWARDED.stream().anyMatch(name -> context.request().getHeader(name) != null)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(LOCAL))
                .addRoles(Set.of(Roles.SCREENER, Roles.TRAINER, Roles.REVIEWER))
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
