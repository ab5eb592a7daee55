package dev.longtail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.bench.corpus.CorpusLocator;
import dev.longtail.bench.corpus.CorpusSource;
import dev.longtail.bench.corpus.LocatedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @Test
    void shouldSplitWikiTextByArticleWithoutHeadingsOrBlankLines(@TempDir Path dir) throws Exception {
        List<String> text = new ArrayList<>();
        for (int a = 1; a <= 10; a++) {
            text.add(" ");
            text.add(" = Article " + a + " = ");
            text.add(" ");
            text.add(" Paragraph one of article " + a + " . ");
            text.add(" = = Section = = ");
            text.add(" Paragraph two of article " + a + " . ");
        }
        Path file = dir.resolve("wiki.txt");
        Files.write(file, text);
        Corpus corpus = Corpus.read(file);
        assertEquals(10, corpus.articles().size());
        assertEquals("Article 3", corpus.articles().get(2).title());
        assertEquals(2, corpus.articles().get(0).lines().size());
        Corpus.Split split = corpus.split();
        assertEquals(8, split.trainArticles());
        assertEquals(2, split.heldOutArticles());
        // articles 5 and 10 are held out, and none of their lines reach real-train
        assertTrue(split.heldOut().stream().allMatch(l -> l.contains("5") || l.contains("10")));
        assertTrue(split.train().stream().noneMatch(l -> l.contains("5") || l.contains("10")));
        assertEquals(split, corpus.split());
    }

    @Test
    void shouldReadOneArticlePerJsonlRecord(@TempDir Path dir) throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add("{\"id\": " + i + ", \"text\": \"First line " + i + ".\\nSecond line " + i + ".\"}");
        }
        Path file = dir.resolve("corpus.jsonl");
        Files.write(file, records);
        Corpus corpus = Corpus.read(file);
        assertEquals(5, corpus.articles().size());
        assertEquals(List.of("first", "line", "0", "."), corpus.articles().get(0).lines().get(0));
        assertEquals(1, corpus.split().heldOutArticles());
    }

    @Test
    void shouldSayWhichCorpusFileIsMissing(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Corpus.read(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
    }

    @Test
    void shouldReadTheRealWikiTextCorpusIntoArticles() {
        Corpus corpus = Corpus.read(WikiText.valid());
        assertTrue(corpus.articles().size() >= 50, "articles: " + corpus.articles().size());
    }

    @Test
    void shouldKnowTheSizeAndChecksumOfTheDevelopmentCopy() throws Exception {
        LocatedCorpus found = WikiText.locate();
        Assumptions.assumeFalse(found.origin().contains(CorpusLocator.CORPUS_ENV),
                "LONGTAIL_CORPUS names another file than WikiText-2's published one, maybe on purpose");
        byte[] bytes = Files.readAllBytes(found.file());
        assertEquals(CorpusSource.WIKITEXT_2_VALID.size(), bytes.length);
        assertEquals(CorpusSource.WIKITEXT_2_VALID.sha256(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
}
