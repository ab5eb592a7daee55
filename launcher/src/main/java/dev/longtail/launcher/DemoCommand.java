package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code longtail demo}: starts the stack, runs the demo experiment (every arm over every random seed), prints each
 * arm's table for its first random seed and the closing comparison, and keeps the reports in
 * {@code .longtail/reports/}.
 */
final class DemoCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final boolean unicode;

    DemoCommand(PrintStream out, boolean unicode) {
        this.out = out;
        this.unicode = unicode;
    }

    int run(DemoExperiment experiment, Duration timeout, StackOptions options) {
        long startedAt = System.nanoTime();
        out.println("Starting Kafka, PostgreSQL and the four services...");
        try (LongtailStack stack = LongtailStack.start(options)) {
            out.printf("Stack ready in %.1f s (service logs in %s)%n", seconds(startedAt), stack.logDirectory());
            runExperiment(ExperimentClient.of(stack), experiment, timeout, stack.root());
            out.printf("Done in %.1f s; stopping the stack.%n", seconds(startedAt));
        }
        return LongtailCli.OK;
    }

    /** The experiment on a running evolver: started, followed, printed and saved under {@code root}. */
    void runExperiment(ExperimentClient client, DemoExperiment experiment, Duration timeout, Path root) {
        JsonNode created = client.create(experiment.requestBody());
        String id = created.path("id").asText();
        String seeds = experiment.randomSeeds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        printWrapped("Experiment " + id + ": " + experiment.arms().size() + " arm" + plural(experiment.arms().size())
                + " " + (unicode ? "×" : "x") + " " + experiment.randomSeeds().size() + " random seed"
                + plural(experiment.randomSeeds().size()) + " (" + seeds + "), " + experiment.generations()
                + " generations of " + experiment.samplesPerGeneration() + " samples", "  ");
        int nameWidth = experiment.arms().stream().mapToInt(arm -> arm.name().length()).max().orElse(0);
        for (DemoExperiment.Arm arm : experiment.arms()) {
            printWrapped(String.format("  %-" + nameWidth + "s  %s", arm.name(), arm.describe()),
                    " ".repeat(nameWidth + 4));
        }

        var progress = new Progress();
        JsonNode report = client.awaitReport(id, timeout, progress::show);

        for (DemoExperiment.Arm arm : experiment.arms()) {
            out.println();
            armTable(client, progress.last, arm, experiment);
        }
        out.println();
        out.print(ComparisonTable.render(report, unicode));
        out.println();
        Path json = write(root, id + ".json", toJson(report));
        Path html = write(root, id + ".html", client.reportHtml(id));
        out.println("Report: " + json);
        out.println("HTML report: " + html);
        out.println("  (while the stack runs: " + client.reportHtmlUrl(id) + ")");
    }

    /** An arm's campaign on the first random seed, as the evaluator's per-generation table. */
    private void armTable(ExperimentClient client, JsonNode state, DemoExperiment.Arm arm, DemoExperiment experiment) {
        String campaignId = ExperimentProgress.campaign(state, arm.name(), experiment.firstSeed())
                .path("campaignId").asText();
        JsonNode report = client.campaignReport(campaignId).orElseThrow(() -> new IllegalStateException(
                "The evaluator has no report on campaign " + campaignId + " (arm " + arm.name() + ")"));
        printWrapped(arm.name() + ": " + arm.describe(), "  ");
        out.println("  random seed " + experiment.firstSeed()
                + (experiment.randomSeeds().size() > 1 ? " (the first of " + experiment.randomSeeds().size() + ")" : "")
                + ", campaign " + campaignId);
        out.print(ReportTable.render(report, unicode));
        boolean adjusted = false;
        for (JsonNode row : report.path("rows")) {
            adjusted |= !row.path("adjustments").isEmpty();
        }
        if (!arm.feedback() && adjusted) {
            out.println("(feedback off: the adjustments above are what the evaluator proposed; the evolver did not"
                    + " apply them)");
        }
    }

    /** Prints {@code text} within the table width, continuation lines indented. */
    private void printWrapped(String text, String indent) {
        var lines = ReportTable.wrap(text, ReportTable.WIDTH);
        out.println(lines.get(0));
        String rest = String.join(" ", lines.subList(1, lines.size()));
        if (!rest.isEmpty()) {
            ReportTable.wrap(rest, ReportTable.WIDTH - indent.length()).forEach(line -> out.println(indent + line));
        }
    }

    /** Prints the experiment's progress line whenever it changes. */
    private final class Progress {
        private final long startedAt = System.nanoTime();
        private String shown = "";
        private JsonNode last;

        void show(JsonNode experiment) {
            last = experiment;
            String line = ExperimentProgress.line(experiment);
            if (!line.equals(shown)) {
                shown = line;
                out.printf("  %s (%.1f s)%n", line, seconds(startedAt));
            }
        }
    }

    static Path write(Path root, String fileName, String content) {
        Path file = root.resolve(".longtail").resolve("reports").resolve(fileName).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String toJson(JsonNode report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
