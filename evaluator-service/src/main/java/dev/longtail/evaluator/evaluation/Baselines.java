package dev.longtail.evaluator.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseSettings;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.embeddings.LazyMiniLm;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.admin.CampaignCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each campaign's prepared reference ({@link CollapseBaseline}: the generation-0 model, embeddings, clusters),
 * built once and kept in a small LRU cache: rebuilding it per evaluation would re-embed the reference.
 */
@ApplicationScoped
public class Baselines implements CampaignCache {

    private static final TypeReference<List<SeedRecord>> SEEDS = new TypeReference<>() {
    };

    private final EvaluatorConfig config;
    private final LazyMiniLm miniLm;
    private final JsonColumns json;
    private final Map<String, CollapseBaseline> cache;

    public Baselines(EvaluatorConfig config, LazyMiniLm miniLm, JsonColumns json) {
        this.config = config;
        this.miniLm = miniLm;
        this.json = json;
        int capacity = Math.max(1, config.metrics().cachedCampaigns());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CollapseBaseline> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The campaign's baseline, built from its seeds on first use. */
    public CollapseBaseline of(ReferenceSeeds seeds) {
        synchronized (cache) {
            CollapseBaseline cached = cache.get(seeds.campaignId());
            if (cached != null) {
                return cached;
            }
        }
        CollapseBaseline built = CollapseBaseline.of(VersionMetrics.seedCorpus(json.read(seeds.referenceJson(), SEEDS)),
                VersionMetrics.seedCorpus(json.read(seeds.heldOutJson(), SEEDS)), embedder(), settings());
        synchronized (cache) {
            cache.put(seeds.campaignId(), built);
        }
        return built;
    }

    @Override
    public String name() {
        return "collapse-baselines";
    }

    @Override
    public boolean evict(String campaignId) {
        synchronized (cache) {
            return cache.remove(campaignId) != null;
        }
    }

    @Override
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** A baseline over already converted texts (the upload API), not cached. */
    public CollapseBaseline buildTexts(List<CorpusText> reference, List<CorpusText> heldOut) {
        return CollapseBaseline.of(reference, heldOut, embedder(), settings());
    }

    /** The measurement settings from configuration. */
    private CollapseSettings settings() {
        var m = config.metrics();
        return new CollapseSettings(config.ngramOrder(), config.tail().n(), config.tail().maxCount(), m.selfBleuMaxN(),
                m.selfBleuSample(), Math.max(0, m.embeddingSample()), m.clusters(), m.histogramBins(), m.seed(),
                m.fixedCountTokens());
    }

    /**
     * The embedder, or null when the embedding metrics are off or the model cannot be loaded here (its native
     * runtime failed: then the evaluations go on without the embedding metrics; the error was logged once).
     */
    private TextEmbedder embedder() {
        if (config.metrics().embeddingSample() <= 0) {
            return null;
        }
        return miniLm.ifAvailable().orElse(null);
    }
}
