package org.tanuu.http;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bearer token must be an access token: an ID token (or any token whose {@code typ} claim is not {@code Bearer},
 * as Keycloak marks its tokens) sent as a bearer token is refused with a 401. The trainers' page's own sign-in (the
 * code flow, whose identity is its ID token) is not a bearer call and is not affected.
 */
@ApplicationScoped
public class AccessTokensOnly implements SecurityIdentityAugmentor {
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getCredential(IdTokenCredential.class) == null && identity.getPrincipal() instanceof JsonWebToken token
                && token.containsClaim("typ") && !"Bearer".equals(token.getClaim("typ"))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an access token"));
        }
        return Uni.createFrom().item(identity);
    }
}
