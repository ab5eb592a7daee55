package dev.longtail.evaluator;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseSettings;
import dev.longtail.core.metrics.CorpusText;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each campaign's prepared reference ({@link CollapseBaseline}: the generation-0 model, embeddings, clusters),
 * built once and kept in a small LRU cache: rebuilding it per evaluation would re-embed the reference.
 */
@ApplicationScoped
public class Baselines {

    private static final TypeReference<List<SeedRecord>> SEEDS = new TypeReference<>() {
    };

    private final EvaluatorConfig config;
    private final Embeddings embeddings;
    private final JsonColumns json;
    private final Map<String, CollapseBaseline> cache;

    public Baselines(EvaluatorConfig config, Embeddings embeddings, JsonColumns json) {
        this.config = config;
        this.embeddings = embeddings;
        this.json = json;
        int capacity = Math.max(1, config.metrics().cachedCampaigns());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CollapseBaseline> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The campaign's baseline, built from its stored seeds on first use. */
    public CollapseBaseline of(CampaignReference reference) {
        synchronized (cache) {
            CollapseBaseline cached = cache.get(reference.campaignId);
            if (cached != null) {
                return cached;
            }
        }
        CollapseBaseline built = build(json.read(reference.referenceSeeds, SEEDS), json.read(reference.heldOutSeeds, SEEDS));
        synchronized (cache) {
            cache.put(reference.campaignId, built);
        }
        return built;
    }

    /** A baseline for any reference and held-out texts (the upload API), not cached. */
    public CollapseBaseline build(List<SeedRecord> reference, List<SeedRecord> heldOut) {
        return CollapseBaseline.of(VersionMetrics.seedCorpus(reference), VersionMetrics.seedCorpus(heldOut),
                embeddings.embedder(), settings());
    }

    /** A baseline over already converted texts (the upload API). */
    public CollapseBaseline buildTexts(List<CorpusText> reference, List<CorpusText> heldOut) {
        return CollapseBaseline.of(reference, heldOut, embeddings.embedder(), settings());
    }

    /** The measurement settings from configuration. */
    public CollapseSettings settings() {
        var m = config.metrics();
        return new CollapseSettings(config.ngramOrder(), config.tail().n(), config.tail().maxCount(), m.selfBleuMaxN(),
                m.selfBleuSample(), Math.max(0, m.embeddingSample()), m.clusters(), m.histogramBins(), m.seed());
    }
}
