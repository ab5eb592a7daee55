package dev.longtail.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the stack does without the services: refuses to start half a stack, reads logs, picks ports. */
class LongtailStackTest {

    @TempDir
    Path home;

    @Test
    void shouldTellToBuildTheServicesWhenAJarIsMissingAndStartNothing() throws IOException {
        Files.createDirectories(home.resolve("evolver-service"));
        StackOptions options = StackOptions.ephemeral();
        String previous = System.getProperty(ProjectRoot.PROPERTY);
        System.setProperty(ProjectRoot.PROPERTY, home.toString());
        try {
            var error = assertThrows(IllegalStateException.class, () -> LongtailStack.start(options));
            assertTrue(error.getMessage().contains("./mvnw package -DskipTests"), error.getMessage());
            assertTrue(error.getMessage().contains("curator-service"), error.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(ProjectRoot.PROPERTY);
            } else {
                System.setProperty(ProjectRoot.PROPERTY, previous);
            }
        }
        assertFalse(listens(options.kafkaPort()));
        assertFalse(Files.exists(home.resolve(".longtail")));
    }

    @Test
    void shouldNameAServicesInstancesAfterItAndMapThemBack() {
        assertEquals(java.util.List.of("curator", "curator-2", "curator-3"), LongtailStack.instancesOf("curator", 3));
        assertEquals(java.util.List.of("evolver"), LongtailStack.instancesOf("evolver", 1));
        assertEquals("curator", LongtailStack.serviceOf("curator-2"));
        assertEquals("evaluator", LongtailStack.serviceOf("evaluator"));
    }

    @Test
    void shouldKeepOnlyTheLast40LinesOfALog() throws IOException {
        Path log = home.resolve("curator.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

        String tail = LongtailStack.tail(log, LongtailStack.LOG_TAIL_LINES);

        assertEquals(40, tail.lines().count());
        assertTrue(tail.startsWith("line 61\n"), tail);
        assertTrue(tail.endsWith("line 100"), tail);
    }

    @Test
    void shouldGiveEveryServiceItsOwnFreePortWhenEphemeral() {
        StackOptions options = StackOptions.ephemeral();

        assertEquals(4, options.servicePorts().values().stream().distinct().count());
        assertNotEquals(options.kafkaPort(), options.postgresPort());
        StackOptions.SERVICES.forEach(service -> assertFalse(listens(options.port(service)), service));
        assertEquals(8082, StackOptions.defaults().port("evolver"));
    }

    private static boolean listens(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
