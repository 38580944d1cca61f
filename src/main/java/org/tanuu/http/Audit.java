package org.tanuu.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit trail: one record per identification, comparison, replay and reload, in the log category
 * {@code tanuu.audit} so operators can route it. A record names who, what, under which rule book and how long; never
 * an answer value (the reference is the caller's own opaque id). With {@code quarkus.log.console.json=true} each
 * record is a JSON line whose fields are the MDC entries set here.
 */
@ApplicationScoped
public class Audit {
    private static final Logger LOG = Logger.getLogger("tanuu.audit");
    /** Control characters (a forged line), '=' and spaces (a forged field): each written as '?' in a record. */
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}=\\s]");

    private static final int MAX_VALUE = 200;

    @Inject
    Instance<SecurityIdentity> identity;

    @Inject
    CurrentVertxRequest request;

    /** At most 200 characters, with no character that could end the line or start another field. */
    static String harmless(String value) {
        String shown = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "..." : value;
        return UNSAFE.matcher(shown).replaceAll("?");
    }

    /** The token subject ({@code sub}), {@code local} under the embedded default, or {@code system} for the start-up load and the watcher. */
    private String caller() {
        SecurityIdentity who = Arc.container().requestContext().isActive() ? identity.get() : null;
        return who == null ? "system" : callerOf(who);
    }

    /** The caller an identity stands for: the token's {@code sub}, {@code local}, or {@code anonymous}. */
    static String callerOf(SecurityIdentity who) {
        if (who == null || who.isAnonymous()) {
            return "anonymous";
        }
        return who.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null ? token.getSubject()
                : who.getPrincipal().getName();
    }

    /**
     * A refused request: its status and the names of its offending fields, never a value. The caller is whoever was
     * authenticated by then ({@code anonymous} if no one was): a refusal does not authenticate anyone. {@code routing}:
     * the request's, or null within a resource (the current one).
     */
    public void rejected(int status, List<String> fields, RoutingContext routing) {
        RoutingContext ctx = routing != null ? routing : request.getCurrent();
        String caller = ctx != null && ctx.user() instanceof QuarkusHttpUser user ? callerOf(user.getSecurityIdentity()) : "anonymous";
        write("rejected", caller, Instant.now(), "status", String.valueOf(status),
                "method", ctx == null ? null : ctx.request().method().name(),
                "path", ctx == null ? null : ctx.normalizedPath(), "fields", String.join(",", fields));
    }

    /** One audited call; {@code fields} are name, value pairs (jurisdiction, decision, version, reference, ...). */
    public void record(String operation, Instant started, String... fields) {
        write(operation, caller(), started, fields);
    }

    private void write(String operation, String caller, Instant started, String... fields) {
        long millis = Duration.between(started, Instant.now()).toMillis();
        Map<String, String> record = new LinkedHashMap<>();
        record.put("operation", operation);
        record.put("caller", harmless(caller));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                record.put(fields[i], harmless(fields[i + 1])); // one record, one line, its own fields only
            }
        }
        record.put("durationMs", String.valueOf(millis));
        StringBuilder line = new StringBuilder();
        record.forEach((name, value) -> {
            MDC.put("audit." + name, value);
            line.append(line.isEmpty() ? "" : " ").append(name).append('=').append(value);
        });
        try {
            LOG.info(line);
        } finally {
            record.keySet().forEach(name -> MDC.remove("audit." + name));
        }
    }
}
