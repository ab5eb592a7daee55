package dev.longtail.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops the PostgreSQL server of a devstack whose JVM died without closing it (killed with SIGKILL, so
 * no shutdown hook ran) and frees its folder. Kafka runs inside the devstack's JVM and dies with it;
 * PostgreSQL is a child process and would otherwise keep running, holding its port and folder.
 */
final class OrphanReaper {

    /** The file in a devstack's work directory that names the JVM owning it (its pid). */
    static final String MARKER = ".longtail-devstack";
    /** The prefix of the temporary work directories of ephemeral devstacks. */
    static final String TEMP_PREFIX = "longtail-devstack-";

    private OrphanReaper() {
    }

    /** Writes the marker that names this JVM as the owner of {@code directory}. */
    static void claim(Path directory) throws IOException {
        Files.writeString(directory.resolve(MARKER), Long.toString(ProcessHandle.current().pid()));
    }

    /** Whether {@code directory} carries a devstack marker. */
    static boolean isDevStackDirectory(Path directory) {
        return Files.exists(directory.resolve(MARKER));
    }

    /**
     * Reaps every ephemeral devstack folder in the system temp folder whose owner is dead. Returns how many
     * orphaned servers it stopped.
     */
    static int reapTemporaryOrphans() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(temp)) {
            List<Path> candidates = entries
                    .filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isDirectory(p))
                    .toList();
            int stopped = 0;
            for (Path candidate : candidates) {
                if (ownerOf(candidate).filter(OrphanReaper::alive).isEmpty() && isDevStackDirectory(candidate)) {
                    stopped += reap(candidate) ? 1 : 0;
                }
            }
            return stopped;
        } catch (IOException e) {
            return 0; // best effort: an unreadable temp folder must not stop a devstack from starting
        }
    }

    /**
     * Stops the PostgreSQL server still running from {@code directory} (if its owner is dead) and deletes
     * the folder. Returns whether a server was stopped.
     */
    static boolean reap(Path directory) {
        if (ownerOf(directory).filter(OrphanReaper::alive).isPresent()) {
            return false; // a live devstack: not ours to touch
        }
        boolean stopped = postmaster(directory).map(OrphanReaper::stop).orElse(false);
        DevStack.deleteRecursively(directory);
        return stopped;
    }

    private static Optional<Long> ownerOf(Path directory) {
        return firstNumber(directory.resolve(MARKER));
    }

    /** The running postmaster of the folder's database, if it still runs (first line of postmaster.pid). */
    private static Optional<ProcessHandle> postmaster(Path directory) {
        return firstNumber(directory.resolve("postgres").resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static boolean stop(ProcessHandle postmaster) {
        postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its owner and clients are gone
        try {
            postmaster.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
        return true;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> firstNumber(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
