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
                "--novel-penalty", "0", "--min-attested", "0.5", "--smoothing", "0.1"}).options().selection();
        assertEquals(SelectionSettings.Unit.LINE, s.units());
        assertEquals(0.0, s.maxCarriedShare());
        assertEquals(0.0, s.novelPenalty());
        assertEquals(0.5, s.minAttestedShare());
        assertEquals(0.1, s.smoothing());
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--units", "words"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--carry-over", "1.5"}));
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
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("replace    D = "), out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("out/collapse.md")).contains("Corpus `" + corpus + "`"));
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
