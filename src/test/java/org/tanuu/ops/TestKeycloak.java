package org.tanuu.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Keycloak that {@link KeycloakIT} meets: Keycloak's server distribution (unpacked by the build, run on Java 21+)
 * in dev mode on free loopback ports with the realm of src/test/resources/keycloak/tanuu-realm.json, its output in a
 * log file beside the distribution.
 *
 * <p>Its dev-mode start takes ~50 s on two cores (most of it creating its database), so the build starts it early,
 * as the unit tests begin, in the background and at a lower priority ({@code nice}), so that it uses what the tests
 * leave idle: {@code java src/test/java/org/tanuu/ops/TestKeycloak.java start ...} (a source-file program, so it
 * needs no compiled test class; only JDK classes here). This launcher writes where Keycloak listens into a state file, and stays until the build ends: it stops Keycloak when it is stopped itself (the
 * build's end, a failed build included), when the build's JVM, its parent, is gone (even killed), and at the build's
 * {@code post-integration-test} ({@code ... TestKeycloak.java stop STATE}). {@link KeycloakIT} uses the instance of a
 * launcher that is still running, or, run on its own (an IDE), starts Keycloak itself the same way.
 */
public final class TestKeycloak {
    /** Keycloak's line once it serves. */
    static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");

    /** Where Keycloak listens and how to reach its process. */
    record Instance(long pid, Instant started, int port, int managementPort, Path log) {
        Optional<ProcessHandle> process() {
            return ProcessHandle.of(pid).filter(p -> p.info().startInstant().map(started::equals).orElse(false));
        }

        String realm() {
            return "http://127.0.0.1:" + port + "/realms/tanuu";
        }

        /** The last lines Keycloak printed, for a failure's message. */
        String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }

        /** Whether Keycloak printed that it listens on its port. */
        boolean listening() {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                return lines.anyMatch(line -> {
                    Matcher m = LISTENING.matcher(line);
                    return m.find() && Integer.parseInt(m.group(1)) == port;
                });
            } catch (IOException e) {
                return false;
            }
        }

        /** Stops Keycloak (the script and the JVM it runs) and waits for it to be gone; true when it is. */
        boolean stop(long seconds) {
            Optional<ProcessHandle> process = process();
            if (process.isEmpty()) {
                return true;
            }
            List<ProcessHandle> tree = new ArrayList<>(process.get().descendants().toList());
            tree.add(process.get());
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (ProcessHandle p : tree) {
                try {
                    p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            }
            return tree.stream().noneMatch(ProcessHandle::isAlive);
        }
    }

    private TestKeycloak() {
    }

    /**
     * {@code start HOME REALM STATE [--nice] [--skip=A,B,...] [--goals=[G, ...]]}: starts Keycloak and stays until
     * stopped, its parent gone; with any skip value {@code true} (the build's maven.test.skip, skipITs), or goals that
     * stop before the integration tests, it starts nothing.
     * {@code stop STATE}: stops the Keycloak a launcher started, if it still runs.
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("stop")) {
            Path state = Path.of(args[1]);
            Optional<Instance> instance = read(state);
            if (instance.isPresent() && instance.get().process().isPresent()) {
                System.out.println("TestKeycloak: stopping Keycloak (pid " + instance.get().pid() + ")");
                instance.get().stop(60);
            }
            return;
        }
        if (args.length < 4 || !args[0].equals("start")) {
            System.err.println("usage: TestKeycloak start HOME REALM STATE [--nice] [--skip=A,B] | stop STATE");
            System.exit(2);
        }
        Optional<ProcessHandle> build = ProcessHandle.current().parent();
        Path home = Path.of(args[1]);
        Path realm = Path.of(args[2]);
        Path state = Path.of(args[3]);
        boolean nice = false;
        for (String arg : List.of(args).subList(4, args.length)) {
            if (arg.equals("--nice")) {
                nice = true;
            } else if (arg.startsWith("--skip=") && List.of(arg.substring(7).split(",")).contains("true")) {
                System.out.println("TestKeycloak: tests skipped, Keycloak not started");
                return;
            } else if (arg.startsWith("--goals=") && !reachesTheIntegrationTests(arg.substring(8))) {
                System.out.println("TestKeycloak: the build stops before the integration tests, Keycloak not started");
                return;
            }
        }
        Files.deleteIfExists(state);
        Instance instance;
        try {
            instance = launch(home, realm, state.resolveSibling("keycloak.log"), nice);
        } catch (AssertionError | IOException e) {
            // No state file: KeycloakIT starts Keycloak itself, and fails with this same reason.
            System.out.println("TestKeycloak: Keycloak not started: " + e.getMessage());
            return;
        }
        Instance started = instance;
        // Stopped by the build at its end (SIGTERM): Keycloak first; then a clean exit, not 143, which the build would
        // report as a failed background process.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.stop(30);
            Runtime.getRuntime().halt(0);
        }));
        write(state, started);
        System.out.println("TestKeycloak: Keycloak starting in the background on 127.0.0.1:" + started.port() + " (output in "
                + started.log() + ")");
        // Until the build is gone: its JVM ends this process at its exit; a parent killed outright is seen here.
        build.map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null)).get();
        started.stop(30);
    }

    /**
     * Whether a build of these goals (Maven's list, "[verify]") runs the integration tests: a phase from
     * integration-test on, or a goal of failsafe's. An unknown list (not given) counts as yes.
     */
    static boolean reachesTheIntegrationTests(String goals) {
        if (!goals.startsWith("[")) {
            return true;
        }
        List<String> later = List.of("integration-test", "post-integration-test", "verify", "install", "deploy");
        return Stream.of(goals.replaceAll("[\\[\\]]", "").split(",")).map(String::trim)
                .anyMatch(goal -> later.contains(goal) || goal.contains("failsafe:"));
    }

    /** Starts Keycloak on free loopback ports, its output into {@code log}; does not wait for it to serve. */
    static Instance launch(Path home, Path realm, Path log, boolean nice) throws IOException {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new AssertionError("Keycloak is not unpacked at " + home + " (the build's dependency:unpack)");
        }
        Path java = java21();
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(realm, home.resolve("data/import/tanuu-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>();
        if (nice) {
            command.addAll(List.of("nice", "-n", "10"));
        }
        command.addAll(List.of(kc.toString(), "start-dev", "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm",
                "--http-management-port=" + management));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("JAVA_HOME", java.toString());
        // A start of seconds, as for the tests' own JVMs (PackagedService.JVM_OPTIONS): the C1 compiler alone.
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        Process process = builder.start();
        return new Instance(process.pid(), process.toHandle().info().startInstant().orElse(Instant.EPOCH), port, management, log);
    }

    /** The instance a launcher wrote into {@code state}, if the file is there. */
    static Optional<Instance> read(Path state) {
        return load(state).map(p -> new Instance(Long.parseLong(p.getProperty("pid", "0")),
                Instant.parse(p.getProperty("started", "1970-01-01T00:00:00Z")), Integer.parseInt(p.getProperty("port", "0")),
                Integer.parseInt(p.getProperty("managementPort", "0")), Path.of(p.getProperty("log", ""))));
    }

    /** The instance of {@code state} while its launcher runs: the build that started it is this one. */
    static Optional<Instance> running(Path state) {
        Optional<Properties> p = load(state);
        Instant started = Instant.parse(p.map(q -> q.getProperty("launcherStarted")).orElse("1970-01-01T00:00:00Z"));
        boolean launcherRuns = p.flatMap(q -> ProcessHandle.of(Long.parseLong(q.getProperty("launcher", "0"))))
                .filter(h -> h.info().startInstant().map(started::equals).orElse(false)).isPresent();
        return launcherRuns ? read(state) : Optional.empty();
    }

    private static Optional<Properties> load(Path state) {
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(p);
    }

    private static void write(Path state, Instance instance) throws IOException {
        Properties p = new Properties();
        ProcessHandle self = ProcessHandle.current();
        p.setProperty("launcher", String.valueOf(self.pid()));
        p.setProperty("launcherStarted", self.info().startInstant().orElse(Instant.EPOCH).toString());
        p.setProperty("pid", String.valueOf(instance.pid()));
        p.setProperty("started", instance.started().toString());
        p.setProperty("port", String.valueOf(instance.port()));
        p.setProperty("managementPort", String.valueOf(instance.managementPort()));
        p.setProperty("log", instance.log().toAbsolutePath().toString());
        Files.createDirectories(state.toAbsolutePath().getParent());
        Path next = state.resolveSibling(state.getFileName() + ".next");
        try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            p.store(out, "TestKeycloak: the Keycloak this build started for KeycloakIT");
        }
        Files.move(next, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A JDK of 21 or later: JAVA21_HOME, else Temurin 25 where these machines ship it, else any under /usr/lib/jvm. */
    static Path java21() throws IOException {
        Optional<Path> named = Optional.ofNullable(System.getenv("JAVA21_HOME")).filter(s -> !s.isEmpty()).map(Path::of);
        if (named.isPresent()) {
            if (!Files.isExecutable(named.get().resolve("bin/java")) || feature(named.get()) < 21) {
                throw new AssertionError("Keycloak needs Java 21 or later: JAVA21_HOME=" + named.get() + " is not a JDK 21 or later");
            }
            return named.get();
        }
        Path temurin = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isExecutable(temurin.resolve("bin/java"))) {
            return temurin;
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && feature(jdk) >= 21).findFirst()
                    .orElseThrow(() -> new AssertionError("Keycloak needs Java 21 or later: set JAVA21_HOME (none found in /usr/lib/jvm)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssertionError("Keycloak needs Java 21 or later: set JAVA21_HOME");
        }
    }

    private static int feature(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
