package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.selection.SelectionSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void shouldReadTheIssuesFlags() {
        CollapseRunOptions s = BenchMain.parse(new String[] {"--out", "o", "--corpus", "c.txt", "--generations", "4",
                "--seeds", "3", "--regimes", "replace,longtail"});
        assertEquals(Path.of("o"), s.out());
        assertEquals(Path.of("c.txt"), s.corpus());
        assertEquals(4, s.generations());
        assertEquals(3, s.seeds());
        assertEquals(List.of("replace", "longtail"), s.regimes());
        assertEquals(10, s.candidateFactor());
    }

    @Test
    void shouldDefaultToTenGenerationsOfAllRegimesOnTheSharedCorpus() {
        CollapseRunOptions s = BenchMain.parse(new String[] {"--out", "o"});
        assertEquals(10, s.generations());
        assertEquals(CollapseRunOptions.ALL_REGIMES, s.regimes());
        assertTrue(s.corpus().endsWith(Path.of("shared", "data", "wikitext-2", "valid.txt")), s.corpus().toString());
    }

    @Test
    void shouldReadLongtailsSelectionKnobsAndDefaultToTheCoresSettings() {
        assertEquals(SelectionSettings.DEFAULTS, BenchMain.parse(new String[] {"--out", "o"}).selection());
        SelectionSettings s = BenchMain.parse(new String[] {"--out", "o", "--units", "lines", "--carry-over", "0",
                "--novel-penalty", "0", "--min-attested", "0.5", "--smoothing", "0.1"}).selection();
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
}
