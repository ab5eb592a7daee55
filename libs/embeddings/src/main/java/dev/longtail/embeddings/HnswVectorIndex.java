package dev.longtail.embeddings;

import dev.longtail.core.dedup.Int8Vectors;
import dev.longtail.core.dedup.VectorIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Approximate nearest neighbours by cosine similarity through Lucene's on-heap HNSW graph (Malkov &amp; Yashunin
 * 2018), grown one vector at a time, over int8-quantised unit vectors kept by {@link Int8Vectors}: the semantic-
 * duplicate stage's index once the pool outgrows brute force. Lucene scores must be non-negative and larger for
 * closer vectors, so the graph sees (1 + cos) / 2. Not thread-safe.
 */
public final class HnswVectorIndex implements VectorIndex {

    /** Neighbours per node (Lucene's default is 16; 8 halves the graph and near duplicates, which have one very close neighbour, are still found). */
    public static final int MAX_CONNECTIONS = 8;
    /** Candidates kept while inserting (Lucene's default is 100). */
    public static final int BEAM_WIDTH = 100;
    /** Candidates kept while searching: above 1 for recall, as Lucene's {@code k} with a larger {@code fanout}. */
    public static final int SEARCH_BREADTH = 24;

    private final Int8Vectors vectors;
    private final HnswGraphBuilder builder;

    public HnswVectorIndex(int dimension) {
        this.vectors = new Int8Vectors(dimension);
        try {
            this.builder = HnswGraphBuilder.create(new Supplier(), MAX_CONNECTIONS, BEAM_WIDTH, 42L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int add(float[] vector) {
        int position = vectors.add(vector);
        try {
            builder.addGraphNode(position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return position;
    }

    @Override
    public Neighbour nearest(float[] vector) {
        if (vectors.size() == 0) {
            return null;
        }
        byte[] q = Int8Vectors.quantise(vector);
        float norm = Int8Vectors.norm(q);
        if (norm == 0) {
            return null;
        }
        try {
            KnnCollector collector = HnswGraphSearcher.search(new Scorer(q, norm), SEARCH_BREADTH, builder.getGraph(), null,
                    Integer.MAX_VALUE);
            ScoreDoc[] docs = collector.topDocs().scoreDocs;
            if (docs.length == 0) {
                return null;
            }
            int best = docs[0].doc;
            return new Neighbour(best, vectors.cosine(q, norm, best));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        return vectors.size();
    }

    @Override
    public long memoryBytes() {
        OnHeapHnswGraph graph = builder.getGraph();
        return vectors.memoryBytes() + graph.ramBytesUsed();
    }

    /** Scores every node against a fixed query. */
    private final class Scorer implements RandomVectorScorer {
        private final byte[] query;
        private final float norm;

        Scorer(byte[] query, float norm) {
            this.query = query;
            this.norm = norm;
        }

        @Override
        public float score(int node) {
            return (float) ((1 + vectors.cosine(query, norm, node)) / 2);
        }

        @Override
        public int maxOrd() {
            return vectors.size();
        }
    }

    /** Scorers against stored nodes, as the graph builder asks for them. */
    private final class Supplier implements RandomVectorScorerSupplier {
        @Override
        public RandomVectorScorer scorer(int ord) {
            byte[] q = new byte[vectors.dimension()];
            float[] v = vectors.get(ord);
            byte[] quantised = Int8Vectors.quantise(v);
            System.arraycopy(quantised, 0, q, 0, q.length);
            return new Scorer(q, Int8Vectors.norm(q));
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    }
}
