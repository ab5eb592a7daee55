package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's experiment against the experiments API over HTTP (fixtures served by {@link FakeServices}). */
class DemoCommandTest {

    private static final DemoExperiment DEMO = new DemoExperiment(5, 120, List.of(42L, 43L, 44L), DemoExperiment.ARMS);

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private DemoCommand command() {
        return new DemoCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), true);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> runningThenDone() {
        return List.of(Fixtures.experimentAt(0, "RUNNING", "RUNNING"), Fixtures.experimentAt(0, "RUNNING", "RUNNING"),
                Fixtures.json("experiment-running.json"), Fixtures.json("experiment-running.json"),
                Fixtures.experimentAt(5, "COMPLETED", "COMPLETED"));
    }

    @Test
    void shouldPostTheExperimentFollowItAndPrintEachArmsTableAndTheComparison() throws IOException {
        try (var services = new FakeServices(runningThenDone(), Fixtures.json("experiment-report.json"))) {
            command().runExperiment(services.client(), DEMO, Duration.ofSeconds(30), root);

            assertEquals(List.of(JsonHttp.read(JsonHttp.write(DEMO.requestBody()))),
                    services.posted.stream().map(JsonHttp::read).toList());
        }
        String out = output();
        assertTrue(out.startsWith("Experiment 3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13: 3 arms × 3 random seeds (42, 43, 44),"
                + " 5 generations of 120 samples\n"), out);
        assertTrue(out.contains("  longtail         anchor policy tail-preserving, anchor ratio 0.1, carry-over 0.6"), out);
        // one progress line per change, not per poll
        List<String> progress = out.lines().filter(line -> line.startsWith("  generation ")).toList();
        assertEquals(3, progress.size(), out);
        assertTrue(progress.get(0).startsWith("  generation 1/5: control 0/3 campaigns, common-practice 0/3, longtail 0/3 ("));
        assertTrue(progress.get(1).startsWith("  generation 3/5: control 3/3 campaigns, common-practice 2/3, longtail 1/3 ("));
        assertTrue(progress.get(2).startsWith("  generation 5/5: control 3/3 campaigns, common-practice 3/3, longtail 3/3 ("));
        // a table per arm, its first seed's campaign, titled with the arm's settings
        assertTrue(out.contains("\ncontrol: anchor policy replace, feedback off\n  random seed 42 (the first of 3), campaign"
                + " a1e0c3d2-0001-4c1a-9e2b-3f4a5b6c7d01\ngen "), out);
        assertTrue(out.contains("\ncommon-practice: anchor policy ratio, anchor ratio 0.1, feedback off\n"), out);
        assertTrue(out.contains("campaign c3a2e5f4-0001-4e3c-9a4d-5b6c7d8e9f01\ngen "), out);
        assertEquals(3, out.lines().filter(line -> line.startsWith("0 (real)")).count(), out);
        assertEquals(2, out.lines().filter(line -> line.startsWith("(feedback off: the adjustments above")).count(),
                "only the arms without feedback say their adjustments were not applied:\n" + out);
        // then the comparison and its sentence, then where the reports are
        assertTrue(out.indexOf("Generation 5 of 5 (the last):") > out.lastIndexOf("0 (real)"), out);
        assertTrue(out.contains("At generation 5, longtail has both the lowest D (1.21 ± 0.02)"), out);
        Path json = root.resolve(".longtail/reports/3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13.json").toAbsolutePath();
        Path html = root.resolve(".longtail/reports/3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13.html").toAbsolutePath();
        assertTrue(out.contains("Report: " + json + "\n"), out);
        assertTrue(out.contains("HTML report: " + html + "\n  (while the stack runs: http://127.0.0.1:"), out);
        assertTrue(out.contains("/api/v1/experiments/3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13/report.html)\n"), out);
        out.lines().filter(line -> !line.contains(root.toString()))
                .forEach(line -> assertTrue(line.length() <= ReportTable.WIDTH, line.length() + ": " + line));
        assertEquals(Fixtures.json("experiment-report.json"), JsonHttp.read(Files.readString(json)));
        assertEquals(FakeServices.HTML, Files.readString(html));
    }

    @Test
    void shouldKeepPollingWhileTheEvolverIsDoneButItsReportIsNotYetComplete() throws IOException {
        ObjectNode incomplete = Fixtures.json("experiment-report.json").put("complete", false);
        var done = List.<JsonNode>of(Fixtures.experimentAt(5, "COMPLETED", "COMPLETED"));
        try (var services = new FakeServices(done, incomplete)) {
            var error = assertThrows(IllegalStateException.class,
                    () -> command().runExperiment(services.client(), DEMO, Duration.ofMillis(300), root));

            assertTrue(error.getMessage().contains("did not complete within 0 s; every campaign completed but the report"
                    + " is still incomplete"), error.getMessage());
        }
    }

    @Test
    void shouldNameTheCampaignsStillRunningWhenTheWholeExperimentTakesTooLong() throws IOException {
        var stuck = List.<JsonNode>of(Fixtures.json("experiment-running.json"));
        try (var services = new FakeServices(stuck, Fixtures.json("experiment-report.json"))) {
            var error = assertThrows(IllegalStateException.class,
                    () -> command().runExperiment(services.client(), DEMO, Duration.ofMillis(200), root));

            String message = error.getMessage();
            assertTrue(message.startsWith("Experiment 3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13 did not complete within"),
                    message);
            assertTrue(message.contains("still running: control seed 42 (campaign a1e0c3d2-0001-4c1a-9e2b-3f4a5b6c7d01,"
                    + " RUNNING, 3/5 generations); "), message);
            assertTrue(message.contains("longtail seed 44 (campaign c3a2e5f4-0003-4e3c-9a4d-5b6c7d8e9f03, RUNNING,"
                    + " 2/5 generations)"), message);
        }
        assertTrue(Files.notExists(root.resolve(".longtail")), "no report is written for an unfinished experiment");
    }

    @Test
    void shouldStopAtOnceNamingTheCampaignThatFailed() throws IOException {
        ObjectNode failed = Fixtures.json("experiment-running.json").put("status", "FAILED");
        ((ObjectNode) failed.path("arms").get(1).path("campaigns").get(1)).put("status", "FAILED");
        try (var services = new FakeServices(List.of(failed), Fixtures.json("experiment-report.json"))) {
            var error = assertThrows(IllegalStateException.class,
                    () -> command().runExperiment(services.client(), DEMO, Duration.ofMinutes(10), root));

            assertEquals("Experiment 3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13 FAILED: common-practice seed 43 (campaign"
                    + " b2f1d4e3-0002-4d2b-8f3c-4a5b6c7d8e02, FAILED, 2/5 generations)", error.getMessage());
        }
    }

    @Test
    void shouldStopAtOnceNamingTheCampaignThatWasCancelled() throws IOException {
        ObjectNode cancelled = Fixtures.json("experiment-running.json").put("status", "CANCELLED");
        ((ObjectNode) cancelled.path("arms").get(2).path("campaigns").get(0)).put("status", "CANCELLED");
        try (var services = new FakeServices(List.of(cancelled), Fixtures.json("experiment-report.json"))) {
            var error = assertThrows(IllegalStateException.class,
                    () -> command().runExperiment(services.client(), DEMO, Duration.ofMinutes(10), root));

            assertTrue(error.getMessage().startsWith("Experiment 3c1f7e2a-5b8d-4e61-9f0a-7d2c4b6e8a13 CANCELLED: longtail"
                    + " seed 42 (campaign "), error.getMessage());
        }
    }

    @Test
    void shouldReportTheEvolversRefusalWithItsProblem() throws IOException {
        var services = new FakeServices(runningThenDone(), Fixtures.json("experiment-report.json"));
        var client = new ExperimentClient(services.url() + "/nowhere", new CampaignClient(services.url(),
                services.url(), services.url()), Duration.ofMillis(5));
        try (services) {
            var error = assertThrows(IllegalStateException.class,
                    () -> command().runExperiment(client, DEMO, Duration.ofMinutes(1), root));

            assertTrue(error.getMessage().startsWith("The evolver refused the experiment (HTTP 404): "), error.getMessage());
        }
    }
}
