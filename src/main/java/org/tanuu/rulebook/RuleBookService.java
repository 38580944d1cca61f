package org.tanuu.rulebook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the rule book in force. Loads it at start-up (a broken rule book stops the service with the
 * problems listed), and swaps in a new one only when it compiles and passes every check: a request reads
 * one reference and keeps that rule book to the end.
 */
@ApplicationScoped
@Startup
public class RuleBookService {
    private static final Logger LOG = Logger.getLogger(RuleBookService.class);

    /** The outcome of the latest attempt to load the rules folder. */
    public record Attempt(Instant at, String version, boolean accepted, List<RuleProblem> errors) {
    }

    @ConfigProperty(name = "tanuu.rules.dir", defaultValue = "rules")
    Path rulesDir;

    private final AtomicReference<RuleBook> current = new AtomicReference<>();
    private final AtomicReference<Attempt> lastAttempt = new AtomicReference<>();
    private final RuleBookCompiler compiler = new RuleBookCompiler(Thread.currentThread().getContextClassLoader());

    @PostConstruct
    void start() {
        Attempt attempt = reload();
        if (!attempt.accepted()) {
            throw new RuleBookRejectedException(rulesDir.toAbsolutePath(), attempt.errors());
        }
    }

    public RuleBook current() {
        return current.get();
    }

    public Attempt lastAttempt() {
        return lastAttempt.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** Compiles the rules folder and swaps the result in if it is sound; otherwise the last good one stays. */
    public synchronized Attempt reload() {
        RuleBookCompiler.Result result = compiler.compile(rulesDir);
        Attempt attempt;
        if (result.ok()) {
            current.set(result.ruleBook());
            attempt = new Attempt(Instant.now(), result.ruleBook().version(), true, List.of());
            LOG.infof("rule book %s loaded from %s: %d rules", result.ruleBook().version(), rulesDir.toAbsolutePath(),
                    result.ruleBook().rules().size());
        } else {
            attempt = new Attempt(Instant.now(), null, false, result.problems());
            result.problems().forEach(p -> LOG.errorf("rule book rejected: %s", p));
        }
        lastAttempt.set(attempt);
        return attempt;
    }

    /** Stops start-up with the problems as the message, not a framework stack trace. */
    static final class RuleBookRejectedException extends RuntimeException {
        RuleBookRejectedException(Path folder, List<RuleProblem> problems) {
            super("the rule book in " + folder + " was rejected:\n  "
                    + String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()), null, false, false);
        }
    }
}
