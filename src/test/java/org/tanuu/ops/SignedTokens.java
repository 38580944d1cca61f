package org.tanuu.ops;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A token issuer for the tests: an RSA key pair made once per JVM (kept in system properties, because Quarkus loads a
 * test profile and its test class in different class loaders), whose public key the service is configured to trust.
 */
final class SignedTokens {
    static final String ISSUER = "https://tanuu.test/realms/tanuu";
    /** The audience the service expects by default: its client id. */
    static final String AUDIENCE = "tanuu";

    private SignedTokens() {
    }

    static synchronized String publicKey() {
        if (System.getProperty("tanuu.test.publicKey") == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty("tanuu.test.publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                System.setProperty("tanuu.test.privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return System.getProperty("tanuu.test.publicKey");
    }

    /** A bearer token for {@code subject} with {@code roles} where Keycloak puts them: realm_access/roles. */
    static String token(String subject, String... roles) {
        return typed(AUDIENCE, "Bearer", subject, roles);
    }

    /** A token as Keycloak shapes one: for {@code audience}, of {@code type} (Bearer, ID, Refresh). */
    static String typed(String audience, String type, String subject, String... roles) {
        return token(audience, type, Map.of("sub", subject), roles);
    }

    static String token(String audience, String type, Map<String, String> claims, String... roles) {
        publicKey();
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty("tanuu.test.privateKey"))));
            var builder = Jwt.issuer(ISSUER).audience(audience).claim("typ", type)
                    .claim("realm_access", Map.of("roles", List.of(roles)));
            claims.forEach(builder::claim);
            return builder.expiresIn(Duration.ofMinutes(5)).jws().keyId("test").sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
