package dev.longtail.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding the checkout whose services the launcher runs. */
class ProjectRootTest {

    @TempDir
    Path temp;

    @Test
    void shouldFindTheCheckoutFromAFolderDeepInside() throws IOException {
        Files.createDirectories(temp.resolve("evolver-service"));
        Path deep = Files.createDirectories(temp.resolve("curator-service/src/main/java"));

        assertEquals(temp.toRealPath(), ProjectRoot.locate(null, deep).toRealPath());
    }

    @Test
    void shouldPreferTheConfiguredHome() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.createDirectories(other.resolve("evolver-service"));
        Files.createDirectories(temp.resolve("evolver-service"));

        assertEquals(other, ProjectRoot.locate(other.toString(), temp));
    }

    @Test
    void shouldExplainWhenNoCheckoutIsFound() {
        var error = assertThrows(IllegalStateException.class, () -> ProjectRoot.locate(null, temp));
        assertTrue(error.getMessage().contains("-Dlongtail.home"), error.getMessage());
        var wrongHome = assertThrows(IllegalStateException.class, () -> ProjectRoot.locate(temp.toString(), temp));
        assertTrue(wrongHome.getMessage().contains("evolver-service"), wrongHome.getMessage());
    }
}
