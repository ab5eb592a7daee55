package dev.longtail.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A devstack whose JVM is killed outright leaves a PostgreSQL server behind; the next devstack stops it. */
class OrphanReaperTest {

    @Test
    void shouldStopThePostgresOfADevstackWhoseJvmWasKilled() throws Exception {
        Path workDirectory = Files.createTempDirectory(OrphanReaper.TEMP_PREFIX);
        int postgresPort = DevStackOptions.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevStackMain.class.getName(), "--kafka-port", Integer.toString(DevStackOptions.freePort()),
                "--postgres-port", Integer.toString(postgresPort), "--work-dir", workDirectory.toString())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Devstack up")) {
                // wait until the child's devstack is ready
            }
        }
        assertTrue(listening(postgresPort), "the child's PostgreSQL runs");

        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertTrue(listening(postgresPort), "its PostgreSQL outlives the killed JVM");

        try (var next = DevStack.start(DevStackOptions.ephemeral())) {
            assertFalse(listening(postgresPort), "the orphaned PostgreSQL was stopped");
            assertFalse(Files.exists(workDirectory), "the orphan's folder was deleted");
        }
    }

    @Test
    void shouldLeaveTheFolderOfALiveDevstackAlone() throws Exception {
        Path directory = Files.createTempDirectory(OrphanReaper.TEMP_PREFIX);
        try {
            OrphanReaper.claim(directory); // owned by this (live) JVM
            OrphanReaper.reapTemporaryOrphans();
            assertTrue(Files.exists(directory));
        } finally {
            DevStack.deleteRecursively(directory);
        }
    }

    private static boolean listening(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

}
