package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared reference data that the parent pom points the tests at; fails loudly when it is missing. */
final class SharedData {

    private SharedData() {
    }

    /** ../shared/data/wikitext-2/valid.txt, or a failed test that says what is missing and where it was looked for. */
    static Path wikitextValid() {
        String root = System.getProperty("longtail.shared.data");
        if (root == null || root.isBlank()) {
            fail("system property longtail.shared.data is not set: run the tests through Maven (the parent pom sets it "
                    + "to <project root>/../shared/data)");
        }
        Path file = Path.of(root, "wikitext-2", "valid.txt").toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            fail("the reference corpus is missing: " + file + " must hold WikiText-2's valid.txt (see "
                    + "../shared/data/README.md); the collapse benchmark tests cannot run without it");
        }
        return file;
    }
}
