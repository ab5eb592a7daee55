package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void shouldReadTheIssuesFlags() {
        CollapseSettings s = BenchMain.parse(new String[] {"--out", "o", "--corpus", "c.txt", "--generations", "4",
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
        CollapseSettings s = BenchMain.parse(new String[] {"--out", "o"});
        assertEquals(10, s.generations());
        assertEquals(CollapseSettings.ALL_REGIMES, s.regimes());
        assertTrue(s.corpus().endsWith(Path.of("shared", "data", "wikitext-2", "valid.txt")), s.corpus().toString());
    }

    @Test
    void shouldRejectAMissingOutDirectoryAndUnknownRegimes() {
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--generations", "2"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--regimes", "magic"}));
        assertThrows(IllegalArgumentException.class, () -> BenchMain.parse(new String[] {"--out", "o", "--seeds", "0"}));
    }
}
