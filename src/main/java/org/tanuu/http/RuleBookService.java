package org.tanuu.http;

import io.methvin.watcher.DirectoryWatcher;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tanuu.cases.CaseReplay;
import org.tanuu.cases.RuleBookGate;
import org.tanuu.rulebook.Limits;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleBookCompiler;
import org.tanuu.rulebook.RuleProblem;

/**
 * Holds the rule book in force. Loads it at start-up (a broken rule book stops the service with the problems
 * listed), watches the folder, and swaps in a new rule book only when it compiles and passes every check: a
 * request reads one reference and keeps that rule book to the end, so no request sees a half-built one.
 */
@ApplicationScoped
@Startup
public class RuleBookService {
    private static final Logger LOG = Logger.getLogger(RuleBookService.class);

    /**
     * The outcome of one attempt to load the rules folder: accepted or not, the problems that rejected it, and
     * the sample cases whose outcome (decision, flags, findings, offence) it changes against the rule book in service.
     */
    public record Attempt(Instant at, String version, boolean accepted, List<RuleProblem> errors,
                          List<CaseReplay.Change> changedCases) {
    }

    /**
     * What a reload of a proposed rules folder would do, without doing it: the version the proposed rule book would
     * have, the version in service it is measured against, whether the gate would accept it, its problems, the sample
     * cases that fail their expectation, and the cases whose outcome it changes against the rule book in service
     * (listed even when it would be refused, so a reviewer sees what to update).
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"version", "inService", "wouldAccept", "errors", "failingCases", "changedCases"})
    public record DryRun(String version, String inService, boolean wouldAccept, List<RuleProblem> errors,
                         List<String> failingCases, List<CaseReplay.Change> changedCases) {
    }

    @ConfigProperty(name = "tanuu.rules.dir", defaultValue = "rules")
    Path rulesDir;

    @ConfigProperty(name = "tanuu.rules.watch", defaultValue = "true")
    boolean watch;

    /** Edits come in bursts (an editor writes, renames, touches): wait for quiet before compiling. */
    @ConfigProperty(name = "tanuu.rules.debounce", defaultValue = "PT0.5S")
    Duration debounce;

    /** Rule firings one evaluation may take: reaching it is an error for that request, and rejects a reload. */
    @ConfigProperty(name = "tanuu.rules.fire-limit", defaultValue = "2000")
    int fireLimit;

    /** How long the sample cases may take to replay before a reload is refused. */
    @ConfigProperty(name = "tanuu.rules.replay-budget", defaultValue = "PT60S")
    Duration replayBudget;

    /** How often the watcher checks that it still watches the folder named (deleted, moved over, link swapped). */
    @ConfigProperty(name = "tanuu.rules.recheck", defaultValue = "PT2S")
    Duration recheck;

    @Inject
    MeterRegistry metrics;

    @Inject
    Audit audit;

    /** The rule book in force, with the outcomes of its sample cases (what the next reload is compared with). */
    private final AtomicReference<RuleBookGate.InService> current = new AtomicReference<>();
    private Gauge versionGauge;
    private final AtomicReference<Attempt> lastAttempt = new AtomicReference<>();
    private RuleBookCompiler compiler;
    private Limits limits;
    /** One dry run at a time (each compiles a whole rule book); apart from reloads, which never wait for one. */
    private final Semaphore dryRuns = new Semaphore(1, true);
    /** How long a dry run waits for the one before it before it is refused (429). */
    private static final Duration DRY_RUN_WAIT = Duration.ofSeconds(30);
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rule-book-reload");
        t.setDaemon(true);
        return t;
    });
    private final ClassLoader appClassLoader = Thread.currentThread().getContextClassLoader();
    private ScheduledFuture<?> pending;
    /** Runs the watcher's blocking loop; its own thread, not the common pool (one thread on two cores). */
    private final ExecutorService watchLoop = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rule-folder-watch");
        t.setDaemon(true);
        return t;
    });
    /** Guards the watcher and the folder it watches. */
    private final Object watching = new Object();
    private DirectoryWatcher watcher;
    private Folder watched;

    /** A folder as found on disk: a folder re-created or moved in has another file key, a swapped link another path. */
    private record Folder(Path realPath, Object fileKey) {
        /** The folder {@code path} names now, or null when there is none. */
        static Folder of(Path path) {
            try {
                Path real = path.toRealPath();
                BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
                return attributes.isDirectory() ? new Folder(real, attributes.fileKey()) : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    @PostConstruct
    void start() {
        limits = new Limits(fireLimit, replayBudget);
        compiler = new RuleBookCompiler(appClassLoader, limits);
        Attempt attempt = reload();
        if (!attempt.accepted()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                // The problems are logged above as file:line:column: message; exit without a framework stack trace.
                LOG.errorf("the rule book in %s was rejected: the service stops", rulesDir.toAbsolutePath());
                Quarkus.asyncExit(1);
                return;
            }
            throw new RuleBookRejectedException(rulesDir.toAbsolutePath(), attempt.errors());
        }
        if (watch) {
            synchronized (watching) {
                arm(Folder.of(rulesDir));
            }
            // A watch follows the folder it was given, not the name: the name may come to mean another folder.
            reloader.scheduleWithFixedDelay(() -> {
                try {
                    recheck();
                } catch (RuntimeException e) { // an exception would cancel the periodic check for good
                    LOG.errorf("checking the rules folder failed: %s", e.toString());
                }
            }, recheck.toMillis(), recheck.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() throws IOException {
        reloader.shutdownNow();
        synchronized (watching) {
            watched = null;
            if (watcher != null) {
                watcher.close();
            }
        }
        watchLoop.shutdownNow();
    }

    /**
     * Watches {@code folder} (null: none) instead of the folder watched so far. When it cannot, says so once: it is
     * not retried until the folder changes, and POST /rules/reload still works.
     */
    private void arm(Folder folder) {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debugf("closing the folder watcher: %s", e.toString());
            }
            watcher = null;
        }
        watched = folder;
        if (folder == null) {
            return;
        }
        try {
            // Every event schedules a reload (the content hash makes one of unchanged files cheap); the watcher's
            // own file hashing is off, since a ConfigMap update renames a link and edits no file.
            watcher = DirectoryWatcher.builder().path(folder.realPath()).fileHashing(false)
                    .listener(event -> scheduleReload()).build();
            watcher.watchAsync(watchLoop);
        } catch (IOException | UncheckedIOException e) { // e.g. the folder went away again meanwhile
            arm(null); // closes a watcher built but not started
            watched = folder;
            LOG.warnf("cannot watch %s for changes (%s): use POST /rules/reload", rulesDir.toAbsolutePath(), e.getMessage());
        }
    }

    /**
     * Re-arms the watcher when the folder named is not the one watched: deleted (and re-created), moved in over the
     * old one, or a link swapped to another folder. A watcher that stopped (its folder deleted) is re-armed too.
     * Then reloads: while the folder is missing that is a rejected attempt, and the last good rule book serves on.
     */
    private void recheck() {
        Folder now = Folder.of(rulesDir);
        synchronized (watching) {
            // A watcher that could not be armed is not retried until the folder changes: one warning, not one a check.
            boolean alive = watcher == null || !watcher.isClosed();
            if (reloader.isShutdown() || (now == null ? watched == null : now.equals(watched) && alive)) {
                return;
            }
            if (now == null) {
                LOG.warnf("the rules folder %s is gone: the rule book in force serves on until it is back", rulesDir.toAbsolutePath());
            }
            arm(now);
            if (now != null && watcher != null) {
                LOG.infof("watching the rules folder %s again (now %s)", rulesDir.toAbsolutePath(), now.realPath());
            }
        }
        scheduleReload();
    }

    /** The rule book in force; 503 in the moment between a rejected start and the exit. */
    public RuleBook current() {
        RuleBook book = loaded();
        if (book == null) {
            throw new ServiceUnavailableException("no rule book is loaded");
        }
        return book;
    }

    /** The rule book in force, or null before the first one is loaded (readiness). */
    public RuleBook loaded() {
        RuleBookGate.InService inService = current.get();
        return inService == null ? null : inService.book();
    }

    public Attempt lastAttempt() {
        return lastAttempt.get();
    }

    private synchronized void scheduleReload() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = reloader.schedule(() -> {
            Thread.currentThread().setContextClassLoader(appClassLoader); // Drools needs the application's loader
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.errorf("rule book reload failed: %s", e.toString());
            }
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Passes the rules folder through the gate (compiled within the sandbox, every sample case as expected) and swaps
     * the result in if accepted; otherwise the last good rule book stays. Nothing escapes as an exception: every
     * failure is a problem of the attempt.
     */
    public synchronized Attempt reload() {
        Instant started = Instant.now();
        RuleBook previous = loaded(); // null at start-up
        RuleBookGate.Verdict verdict = gate(compiler, rulesDir, current.get());
        Attempt attempt;
        if (verdict.accepted()) {
            RuleBook candidate = verdict.book();
            current.set(verdict.inService());
            attempt = new Attempt(Instant.now(), candidate.version(), true, List.of(), verdict.changes());
            LOG.infof("rule book %s loaded from %s: %d rules, %d sample cases passed, %d changed their outcome", candidate.version(),
                    rulesDir.toAbsolutePath(), candidate.rules().size(), candidate.cases().size(), verdict.changes().size());
        } else {
            attempt = new Attempt(Instant.now(), null, false, verdict.problems(), List.of());
            attempt.errors().forEach(p -> LOG.errorf("rule book rejected: %s", p));
        }
        lastAttempt.set(attempt);
        metrics.counter("tanuu.reloads", "accepted", String.valueOf(attempt.accepted())).increment();
        if (attempt.accepted()) {
            showVersion(attempt.version());
        }
        audit.record("reload", started, "before", previous == null ? null : previous.version(), "after", attempt.version(),
                "accepted", String.valueOf(attempt.accepted()), "problems", String.valueOf(attempt.errors().size()),
                "changedCases", String.valueOf(attempt.changedCases().size()),
                "version", loaded() == null ? null : loaded().version());
        return attempt;
    }

    /** The gate, for a reload and a dry run alike; an unexpected failure is a problem of the verdict, never an exception. */
    private static RuleBookGate.Verdict gate(RuleBookCompiler compiler, Path folder, RuleBookGate.InService inService) {
        try {
            return RuleBookGate.check(compiler, folder, inService);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.errorf(e, "checking the rule book in %s failed unexpectedly", folder.toAbsolutePath());
            return new RuleBookGate.Verdict(null, List.of(new RuleProblem("", 0, 0,
                    "the rule book could not be loaded: " + e.getClass().getSimpleName())), List.of(), List.of());
        }
    }

    /**
     * Passes {@code folder} through the gate a reload passes, against the rule book in force, and swaps nothing in.
     * It compiles with a compiler of its own, made for this dry run: the reloads' compiler remembers the last rule
     * book it accepted (and keeps its knowledge bases), which a dry run must not replace. It does not hold the
     * reloads' lock: a reload during a dry run goes ahead, and the dry run is measured against the rule book in force
     * when it began.
     */
    public DryRun check(Path folder) {
        boolean admitted;
        try {
            admitted = dryRuns.tryAcquire(DRY_RUN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new WebApplicationException(Response.status(429).type(MediaType.APPLICATION_JSON)
                    .entity(java.util.Map.of("errors", List.of(new org.tanuu.identify.FieldError("body",
                            "another dry run is still running: try again in a minute")))).build());
        }
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        thread.setContextClassLoader(appClassLoader); // Drools needs the application's loader
        try {
            RuleBookGate.InService inService = current.get();
            if (inService == null) {
                throw new ServiceUnavailableException("no rule book is loaded");
            }
            RuleBookGate.Verdict verdict = gate(new RuleBookCompiler(appClassLoader, limits), folder, inService);
            List<String> failing = verdict.outcomes().stream().filter(o -> !o.passed()).map(CaseReplay.Outcome::id).toList();
            return new DryRun(RuleBookCompiler.version(folder), inService.book().version(), verdict.accepted(), verdict.problems(),
                    failing, verdict.changes());
        } finally {
            thread.setContextClassLoader(loader);
            dryRuns.release();
        }
    }

    /** The version in force as a gauge tagged with it, so every replica's version shows in the metrics. */
    private void showVersion(String version) {
        if (versionGauge != null) {
            metrics.remove(versionGauge);
        }
        versionGauge = Gauge.builder("tanuu.rulebook", () -> 1).tag("version", version)
                .description("the rule book in force, by version").register(metrics);
    }

    /** Stops start-up with the problems as the message, not a framework stack trace. */
    static final class RuleBookRejectedException extends RuntimeException {
        RuleBookRejectedException(Path folder, List<RuleProblem> problems) {
            super("the rule book in " + folder + " was rejected:\n  "
                    + String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()), null, false, false);
        }
    }
}
