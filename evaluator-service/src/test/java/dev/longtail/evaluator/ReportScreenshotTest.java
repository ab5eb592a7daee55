package dev.longtail.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: Debian's headless Chromium renders the page (DOM dump: every chart is an SVG
 * with its points) and takes a screenshot (target/report-screenshots/report.png) that must show the charts and the
 * verdict colours. Skips, saying so, only when no Chromium is installed (CI installs Debian's `chromium`).
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class ReportScreenshotTest {

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRenderTheReportPageInARealBrowser() throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null,
                "SKIPPED: no Chromium on PATH (chromium, chromium-browser, google-chrome); install Debian's `chromium` package");
        String campaign = EvaluatorReportTest.twoGenerations(KafkaTestClient.devStack());
        String url = root.toString().replaceAll("/$", "") + "/api/v1/campaigns/" + campaign + "/report.html";
        Path out = Path.of("target", "report-screenshots");
        Files.createDirectories(out);
        Path profile = Files.createTempDirectory("chromium-profile");

        String dom = run(chromium, profile, List.of("--dump-dom", url), out.resolve("dom.log"));
        int charts = count(dom, "<figure data-metric=");
        int svgs = count(dom, "<svg ");
        assertTrue(charts >= 20, "one chart per metric, found " + charts);
        assertEquals(charts, svgs, "every chart is an SVG");
        assertTrue(dom.contains("COLLAPSING"), "the collapsed generation's verdict is on the page");

        Path png = out.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(chromium, profile, List.of("--screenshot=" + png, "--window-size=1280,1400", "--hide-scrollbars", url),
                out.resolve("screenshot.log"));
        assertTrue(Files.size(png) > 10_000, "a screenshot with content, " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        boolean collapsingRow = false;
        boolean chartLine = false;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                collapsingRow |= near(rgb, 0xF8C9C9);
                chartLine |= near(rgb, 0x3366CC);
            }
        }
        assertTrue(colours.size() > 50, "rendered text and charts, not a blank page: " + colours.size() + " colours");
        assertTrue(collapsingRow, "the collapsing verdict's row colour is visible");
        assertTrue(chartLine, "chart lines are visible");
    }

    private static boolean near(int rgb, int target) {
        int dr = Math.abs(((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF));
        int dg = Math.abs(((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF));
        int db = Math.abs((rgb & 0xFF) - (target & 0xFF));
        return dr + dg + db < 24;
    }

    private static String run(String chromium, Path profile, List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(chromium);
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), () -> "chromium failed; see " + log.toAbsolutePath());
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return null;
    }
}
