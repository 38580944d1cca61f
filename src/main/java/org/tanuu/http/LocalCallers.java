package org.tanuu.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded default, for one machine: with no authentication configured (OIDC off), the service listens on the
 * loopback interface only and every local caller has every role. Configured to listen beyond loopback without
 * authentication, it refuses to start and names the settings to add.
 */
@ApplicationScoped
public class LocalCallers implements HttpAuthenticationMechanism {
    private static final Logger LOG = Logger.getLogger(LocalCallers.class);
    /** The caller recorded in the audit trail for a local call. */
    static final String LOCAL = "local";

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean oidc;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1")
    String host;

    void checkOnStart(@Observes StartupEvent start) {
        if (oidc) {
            return;
        }
        if (!loopback(host)) {
            LOG.errorf("quarkus.http.host=%s listens beyond this machine, but no authentication is configured: set "
                    + "QUARKUS_OIDC_TENANT_ENABLED=true, QUARKUS_OIDC_AUTH_SERVER_URL and QUARKUS_OIDC_CLIENT_ID (see README, Deploy), "
                    + "or listen on 127.0.0.1. The service stops.", host);
            Quarkus.asyncExit(1);
            return;
        }
        LOG.infof("no authentication configured: listening on %s only, every local caller has every role", host);
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
        if (oidc || context.request().remoteAddress() == null || !loopback(context.request().remoteAddress().host())) {
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
