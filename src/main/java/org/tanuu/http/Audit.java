package org.tanuu.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The audit trail: one record per identification, comparison, replay and reload, in the log category
 * {@code tanuu.audit} so operators can route it. A record names who, what, under which rule book and how long; never
 * an answer value (the reference is the caller's own opaque id). With {@code quarkus.log.console.json=true} each
 * record is a JSON line whose fields are the MDC entries set here.
 */
@ApplicationScoped
public class Audit {
    private static final Logger LOG = Logger.getLogger("tanuu.audit");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @Inject
    Instance<SecurityIdentity> identity;

    /** The token subject, {@code local} under the embedded default, or {@code system} for the start-up load and the watcher. */
    private String caller() {
        SecurityIdentity who = Arc.container().requestContext().isActive() ? identity.get() : null;
        return who == null || who.isAnonymous() ? "system" : who.getPrincipal().getName();
    }

    /** One audited call; {@code fields} are name, value pairs (jurisdiction, decision, version, reference, ...). */
    public void record(String operation, Instant started, String... fields) {
        String caller = caller();
        long millis = Duration.between(started, Instant.now()).toMillis();
        Map<String, String> record = new LinkedHashMap<>();
        record.put("operation", operation);
        record.put("caller", caller);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                record.put(fields[i], CONTROL.matcher(fields[i + 1]).replaceAll("?")); // one record, one line
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
