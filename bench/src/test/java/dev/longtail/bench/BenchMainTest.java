package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.bench.corpus.CorpusNotFoundException;
import dev.longtail.core.selection.SelectionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {

    @Test
    void shouldReadTheIssuesFlags() {
        CollapseRunOptions s = BenchMain.parse(new String[] {"--out", "o", "--corpus", "c.txt", "--generations", "4",
                "--seeds", "3", "--regimes", "replace,longtail"}).options();
        assertEquals(Path.of("o"), s.out());
        assertEquals(Path.of("c.txt"), s.corpus());
        assertEquals(4, s.generations());
        assertEquals(3, s.seeds());
        assertEquals(List.of("replace", "longtail"), s.regimes());
        assertEquals(10, s.candidateFactor());
        assertNull(s.exportSets());
        assertEquals(List.of("accumulate-subsample", "random10x", "longtail-fresh"), BenchMain.parse(new String[] {"--out",
                "o", "--regimes", "accumulate-subsample,random10x,longtail-fresh", "--export-sets", "sets"}).options().regimes());
        assertEquals(Path.of("sets"), BenchMain.parse(new String[] {"--out", "o", "--export-sets", "sets"}).options().exportSets());
    }

    @Test
    void shouldDefaultToTenGenerationsOfAllRegimesAndLeaveTheCorpusToTheLocator() {
        BenchMain.CollapseCommand command = BenchMain.parse(new String[] {"--out", "o"});
        assertEquals(10, command.options().generations());
        assertEquals(CollapseRunOptions.ALL_REGIMES, command.options().regimes());
        assertNull(command.options().corpus());
        assertTrue(command.downloadAllowed());
    }

    @Test
    void shouldRefuseDownloadsWithNoDownloadAnywhereOnTheLine() {
        assertFalse(BenchMain.parse(new String[] {"--no-download", "--out", "o"}).downloadAllowed());
        assertFalse(BenchMain.parse(new String[] {"--out", "o", "--no-download"}).downloadAllowed());
    }

    @Test
    void shouldReadLongtailsSelectionKnobsAndDefaultToTheCoresSettings() {
        assertEquals(SelectionSettings.DEFAULTS, BenchMain.parse(new String[] {"--out", "o"}).options().selection());
        SelectionSettings s = BenchMain.parse(new String[] {"--out", "o", "--units", "lines", "--carry-over", "0",
                "--novel-penalty", "0", "--min-attested", "0.5", "--smoothing", "0.1", "--novelty", "every"})
                .options().selection();
        assertEquals(SelectionSettings.Novelty.EVERY_OCCURRENCE, s.novelty());
        assertEquals(SelectionSettings.SENTENCES_CARRY_60, BenchMain.parse(new String[] {"--out", "o", "--units",
                "sentences", "--carry-over", "0.6", "--novel-penalty", "-10", "--novelty", "every"}).options().selection());
        assertEquals(SelectionSettings.Unit.CLAUSE, BenchMain.parse(new String[] {"--out", "o"}).options().selection().units());
        assertEquals(SelectionSettings.Unit.LINE, s.units());
        assertEquals(0.0, s.maxCarriedShare());
        assertEquals(0.0, s.novelPenalty());
        assertEquals(0.5, s.minAttestedShare());
        assertEquals(0.1, s.smoothing());
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--units", "words"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--carry-over", "1.5"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--novelty", "some"}));
    }

    @Test
    void shouldRejectAMissingOutDirectoryAndUnknownRegimes() {
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--generations", "2"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--regimes", "magic"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--seeds", "0"}));
    }

    @Test
    void shouldSayWhichCorpusTheCollapseBenchmarkReadAndHowItWasFound(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("small.txt");
        Files.write(corpus, smallWikiText());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BenchMain.run(new String[] {"collapse", "--out", dir.resolve("out").toString(), "--corpus",
                corpus.toString(), "--generations", "1", "--regimes", "replace", "--no-download"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.lines().anyMatch(l -> l.equals("corpus: " + corpus + " (from --corpus)")), messages);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("replace              D = "), out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("out/collapse.md")).contains("Corpus `" + corpus + "`"));
    }

    @Test
    void shouldExportEveryRegimesTrainingSetOfEveryGenerationAsOneLinePerTrainingLine(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("small.txt");
        Files.write(corpus, smallWikiText());
        Path sets = dir.resolve("sets");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BenchMain.run(new String[] {"collapse", "--out", dir.resolve("out").toString(), "--corpus",
                corpus.toString(), "--generations", "2", "--no-download", "--export-sets", sets.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
        assertEquals(0, status);
        List<String> manifest = Files.readAllLines(sets.resolve("manifest.tsv"));
        assertEquals("regime\tseed\tgeneration\tfile\tlines\ttokens\treal_lines", manifest.get(0));
        // real-train, held-out, then two generations of each of the seven regimes
        assertEquals(1 + 2 + 2 * CollapseRunOptions.ALL_REGIMES.size(), manifest.size(), String.join("\n", manifest));
        long budget = 0;
        for (String row : manifest.subList(1, manifest.size())) {
            String[] f = row.split("\t");
            List<String> lines = Files.readAllLines(sets.resolve(f[3]));
            assertEquals(Long.parseLong(f[4]), lines.size(), row);
            assertEquals(Long.parseLong(f[5]), lines.stream().mapToLong(l -> l.split(" ").length).sum(), row);
            assertTrue(lines.stream().noneMatch(String::isBlank), row);
            if (f[0].equals("real-train")) {
                budget = Long.parseLong(f[5]);
            }
            if (f[0].equals("accumulate-subsample") || f[0].startsWith("longtail") || f[0].equals("random10x")) {
                assertTrue(Long.parseLong(f[5]) <= budget, "at most B tokens: " + row);
            }
        }
        assertTrue(Files.exists(sets.resolve("random10x/seed-1/generation-02.txt")));
        String report = Files.readString(dir.resolve("out/collapse.md"));
        assertTrue(report.contains("D(longtail) - 1 <= (D(random10x) - 1) / 3"), report);
        assertTrue(report.contains("D(longtail) <= D(accumulate-subsample)"), report);
        assertTrue(report.contains("raised: D(longtail) - 1 <= 0.8 x (D(anchor10) - 1) / 3"), report);
    }

    @Test
    void shouldStopWhenTheCorpusNamedByTheArgumentIsMissing(@TempDir Path dir) {
        CorpusNotFoundException e = assertThrows(CorpusNotFoundException.class, () -> BenchMain.run(new String[] {
                "collapse", "--out", dir.resolve("out").toString(), "--corpus", dir.resolve("nope.txt").toString()},
                System.out, System.err));
        assertTrue(e.getMessage().contains("--corpus") && e.getMessage().contains("nope.txt"), e.getMessage());
    }

    /** Ten WikiText-style articles of a few varied lines each: enough for a one-generation run in a second. */
    private static List<String> smallWikiText() {
        String[] words = {"the", "river", "castle", "king", "army", "song", "album", "city", "storm", "season",
            "bridge", "church", "game", "team", "island", "ship", "road", "film", "novel", "war"};
        List<String> text = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            text.add(" = Article " + a + " = ");
            for (int l = 0; l < 6; l++) {
                StringBuilder line = new StringBuilder(" ");
                for (int w = 0; w < 24; w++) {
                    line.append(words[(a * 7 + l * 3 + w * w) % words.length]).append(w % 8 == 7 ? " . " : " ");
                }
                text.add(line.toString());
            }
        }
        return text;
    }
}
