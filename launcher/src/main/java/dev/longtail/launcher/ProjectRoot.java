package dev.longtail.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Longtail checkout whose services the launcher runs: the folder that holds {@code evolver-service/}. */
public final class ProjectRoot {

    /** System property that names the project root outright. */
    public static final String PROPERTY = "longtail.home";
    private static final String MARKER = "evolver-service";

    /** From {@code -Dlongtail.home}, else the nearest ancestor of the working directory that holds the services. */
    public static Path locate() {
        return locate(System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
    }

    static Path locate(String configured, Path workingDirectory) {
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(root.resolve(MARKER))) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured
                        + " is not a Longtail checkout: it has no " + MARKER + "/ folder");
            }
            return root;
        }
        for (Path folder = workingDirectory.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve(MARKER))) {
                return folder;
            }
        }
        throw new IllegalStateException("Cannot find the Longtail checkout from " + workingDirectory
                + ": run from inside it, or pass -D" + PROPERTY + "=<folder with " + MARKER + "/>");
    }

    private ProjectRoot() {
    }
}
