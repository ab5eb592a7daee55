package dev.longtail.launcher;

import dev.longtail.devstack.DevStack;
import dev.longtail.devstack.DevStackOptions;
import dev.longtail.support.auth.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole loop on one machine: the devstack in this JVM and the four services as child processes, each
 * logging to {@code .longtail/logs/<instance>.log}, with this run's token keys ({@link LocalAuth}). With replicas, a
 * service's instances are {@code curator}, {@code curator-2}, ...: one Kafka consumer group and one schema per
 * service, as replicas on Kubernetes. Each instance serves {@code /q/*} on its management port, its HTTP port +
 * {@link StackOptions#MANAGEMENT_OFFSET}. Closing it (or Ctrl-C) stops everything it started.
 */
public final class LongtailStack implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    static final int LOG_TAIL_LINES = 40;
    private static final String HOST = "127.0.0.1";

    private final Path root;
    private final StackOptions options;
    /** HTTP port per instance, in start order (every service's instances together). */
    private final Map<String, Integer> instancePorts = new LinkedHashMap<>();
    private final Map<String, Process> services = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::closeFromHook, "longtail-stack-shutdown");
    /** Open while {@link #startAll} runs: a Ctrl-C then waits for it, so nothing it starts outlives the JVM. */
    private final CountDownLatch startup = new CountDownLatch(1);
    private DevStack devStack;
    private LocalAuth auth;
    private boolean closed;

    private LongtailStack(Path root, StackOptions options) {
        this.root = root;
        this.options = options;
        for (String service : StackOptions.SERVICES) {
            List<String> instances = instancesOf(service, options.replicas());
            instancePorts.put(instances.get(0), options.port(service));
        }
        for (String service : StackOptions.SERVICES) {
            for (String instance : instancesOf(service, options.replicas()).subList(1, options.replicas())) {
                int port;
                do {
                    port = DevStackOptions.freePort();
                } while (instancePorts.containsValue(port) || port == options.kafkaPort()
                        || port == options.postgresPort() || port > 65535 - StackOptions.MANAGEMENT_OFFSET
                        || !StackOptions.isFree(port + StackOptions.MANAGEMENT_OFFSET));
                instancePorts.put(instance, port);
            }
        }
    }

    /** A service's instance names: the service's own for the first, then {@code service-2}, {@code service-3}. */
    static List<String> instancesOf(String service, int replicas) {
        List<String> instances = new ArrayList<>(replicas);
        instances.add(service);
        for (int replica = 2; replica <= replicas; replica++) {
            instances.add(service + "-" + replica);
        }
        return instances;
    }

    /** The service an instance belongs to. */
    static String serviceOf(String instance) {
        int dash = instance.lastIndexOf('-');
        return dash > 0 && instance.substring(dash + 1).chars().allMatch(Character::isDigit)
                ? instance.substring(0, dash) : instance;
    }

    /** Starts the devstack and the services and waits until every service reports ready. */
    public static LongtailStack start(StackOptions options) {
        Path root = ProjectRoot.locate();
        List<Path> missing = StackOptions.SERVICES.stream().map(service -> serviceJar(root, service))
                .filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The services are not built (missing " + missing
                    + "). Run `./mvnw package -DskipTests` in " + root + " first.");
        }
        for (String service : StackOptions.SERVICES) {
            requireFree(options.port(service), "The " + service + " service");
            requireFree(options.managementPort(service), "The " + service + " service's management interface");
        }
        var stack = new LongtailStack(root, options);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            try {
                stack.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Base URL of a service (its first instance), e.g. {@code http://127.0.0.1:8082} for the evolver. */
    public String url(String service) {
        return "http://" + HOST + ":" + options.port(service);
    }

    /** Base URL of a service's management interface: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl(String service) {
        return "http://" + HOST + ":" + options.managementPort(service);
    }

    /** The admin token of this run (the launcher's own calls). */
    public String adminToken() {
        return auth.adminToken();
    }

    /** A client token of this run, for the user's calls to the APIs. */
    public String clientToken() {
        return auth.clientToken();
    }

    /** When this run's tokens expire (they are worthless anyway once the stack stops: its key pair is new). */
    public java.time.Instant tokensExpireAt() {
        return auth.expiresAt();
    }

    /** Writes {@code export LONGTAIL_TOKEN=...} and {@code export LONGTAIL_ADMIN_TOKEN=...} to {@code file}. */
    public void writeTokens(Path file) {
        auth.writeEnvFile(file);
    }

    /** Base URL of every instance, by instance name ({@code curator}, {@code curator-2}, ...). */
    public Map<String, String> instanceUrls() {
        var urls = new LinkedHashMap<String, String>();
        instancePorts.forEach((instance, port) -> urls.put(instance, "http://" + HOST + ":" + port));
        return urls;
    }

    /** Base URL of an instance's management interface: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
    public String instanceManagementUrl(String instance) {
        return "http://" + HOST + ":" + (instancePorts.get(instance) + StackOptions.MANAGEMENT_OFFSET);
    }

    /** Instances per service. */
    public int replicas() {
        return options.replicas();
    }

    public Map<String, String> urls() {
        var urls = new LinkedHashMap<String, String>();
        StackOptions.SERVICES.forEach(service -> urls.put(service, url(service)));
        return urls;
    }

    public String kafkaBootstrapServers() {
        return devStack.kafkaBootstrapServers();
    }

    /** JDBC URL of the {@code longtail} database without a current schema. */
    public String jdbcUrl() {
        return devStack.jdbcUrl();
    }

    public String jdbcUrl(String schema) {
        return devStack.jdbcUrl(schema);
    }

    public Path root() {
        return root;
    }

    public Path logDirectory() {
        return root.resolve(".longtail").resolve("logs");
    }

    /** The log of a service instance ({@code curator}, {@code curator-2}, ...). */
    public Path logFile(String instance) {
        return logDirectory().resolve(instance + ".log");
    }

    /** The instances whose process has exited, if any: the stack is then no longer whole. */
    public synchronized List<String> exitedServices() {
        List<String> exited = new ArrayList<>();
        services.forEach((service, process) -> {
            if (!process.isAlive()) {
                exited.add(service);
            }
        });
        return exited;
    }

    /** SIGTERM to every service, SIGKILL to those still alive after 15 s, then the devstack; idempotent. */
    @Override
    public void close() {
        stopEverything(false);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to: it does the same work, guarded by `closed`.
        }
    }

    private void closeFromHook() {
        try {
            // The JVM halts when the hooks end, whatever other threads are doing: a devstack half started then
            // would leave its PostgreSQL running. Let the start finish (its own timeouts bound it), then stop all.
            startup.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopEverything(true);
    }

    private synchronized void stopEverything(boolean fromHook) {
        if (closed) {
            return;
        }
        closed = true;
        if (fromHook) {
            System.err.println("Stopping the Longtail stack...");
        }
        services.values().forEach(Process::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Process process : services.values()) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (devStack != null) {
            devStack.close();
        }
    }

    private void startAll() {
        try {
            startDevStackAndServices();
        } finally {
            startup.countDown();
        }
        awaitReady();
    }

    private void startDevStackAndServices() {
        try {
            Files.createDirectories(logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDirectory(), e);
        }
        Path workDirectory;
        try {
            workDirectory = options.temporaryData()
                    ? Files.createTempDirectory("longtail-devstack-")
                    : root.resolve(".longtail").resolve("devstack");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the devstack", e);
        }
        auth = LocalAuth.create(root.resolve(".longtail").resolve("keys"));
        DevStack started = DevStack.start(new DevStackOptions(options.kafkaPort(), options.postgresPort(), workDirectory));
        // Only true if the shutdown hook gave up waiting for this start: then nothing may be started after it.
        synchronized (this) {
            if (closed) {
                started.close();
                throw new IllegalStateException("Stopped while starting");
            }
            devStack = started;
            for (String instance : instancePorts.keySet()) {
                services.put(instance, launch(instance));
            }
        }
    }

    private Process launch(String instance) {
        String service = serviceOf(instance);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + instancePorts.get(instance),
                "-Dquarkus.management.port=" + (instancePorts.get(instance) + StackOptions.MANAGEMENT_OFFSET),
                "-Dmp.jwt.verify.publickey.location=" + auth.publicKey(),
                "-Dmp.jwt.verify.issuer=" + Roles.ISSUER,
                "-Dkafka.bootstrap.servers=" + devStack.kafkaBootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + devStack.jdbcUrl(service),
                "-Dquarkus.datasource.username=" + devStack.username(),
                "-Dquarkus.datasource.password=" + devStack.password()));
        if (service.equals("evolver")) {
            // the evolver asks the generator whether a campaign's backend exists, the evaluator for campaign reports
            command.add("-Dquarkus.rest-client.generator.url=" + url("generator"));
            command.add("-Dlongtail.evolver.evaluator-url=" + url("evaluator"));
        }
        if (service.equals("evaluator")) {
            // signs the scoped dataset tokens of downstream Jobs (off locally, but the key is where k8s puts it)
            command.add("-Dsmallrye.jwt.sign.key.location=" + auth.privateKey());
        }
        command.addAll(List.of("-jar", serviceJar(root, service).toString()));
        var process = new ProcessBuilder(command);
        if (service.equals("evolver")) {
            // in the environment, not on the command line that `ps` shows
            process.environment().put("LONGTAIL_AUTH_SERVICE_TOKEN", auth.serviceToken());
        }
        try {
            return process
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile(instance).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + instance + " service", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // every instance starts at once on a machine of a few cores: more instances take longer to be ready
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos() * options.replicas();
        List<String> waiting = new ArrayList<>(instancePorts.keySet());
        while (!waiting.isEmpty()) {
            for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                String instance = iterator.next();
                Process process = services.get(instance);
                if (!process.isAlive()) {
                    throw new IllegalStateException("The " + instance + " service exited with code " + process.exitValue()
                            + " before it was ready. Last lines of " + logFile(instance) + ":\n" + logTail(instance));
                }
                if (isReady(http, instance)) {
                    iterator.remove();
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String instance = waiting.get(0);
                throw new IllegalStateException("The " + instance + " service was not ready within "
                        + READY_TIMEOUT.toSeconds() * options.replicas() + " s (still waiting for " + waiting
                        + "). Last lines of "
                        + logFile(instance) + ":\n" + logTail(instance));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + waiting, e);
            }
        }
    }

    private boolean isReady(HttpClient http, String instance) {
        var request = HttpRequest.newBuilder(URI.create(instanceManagementUrl(instance) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of a service instance's log, for error messages. */
    public String logTail(String instance) {
        return tail(logFile(instance), LOG_TAIL_LINES);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log at " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    static Path serviceJar(Path root, String service) {
        return root.resolve(service + "-service").resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private static void requireFree(int port, String what) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
        } catch (IOException nobodyListens) {
            return;
        }
        throw new IllegalStateException(what + " cannot listen on port " + port
                + ": something already does (a stack from `./longtail up`? stop it with `./longtail down`)");
    }
}
