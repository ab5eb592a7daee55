package dev.longtail.generator.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.longtail.generator.backend.BackendRegistry;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.prompt.GenerationMode;
import dev.longtail.generator.prompt.PromptTemplates;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * A campaign's backend and response-template version for the Kafka loop: what an operator chose, checked against
 * the configured backends and bundled templates, and what the loop reads back from any thread (the Kafka consumer
 * has no request context).
 */
@ApplicationScoped
public class CampaignSettingsService {

    /** A detached copy of the settings. */
    public record Chosen(String backend, Integer templateVersion) {
    }

    /** What a campaign runs with, and whether it was chosen or is the default. */
    public record Effective(String campaignId, String backend, String template, boolean configured) {
    }

    private final BackendRegistry backends;
    private final PromptTemplates templates;

    public CampaignSettingsService(BackendRegistry backends, PromptTemplates templates) {
        this.backends = backends;
        this.templates = templates;
    }

    /** The campaign's chosen settings, if an operator chose any. */
    @Transactional
    public Optional<Chosen> find(String campaignId) {
        if (campaignId == null) {
            return Optional.empty();
        }
        CampaignSettings settings = CampaignSettings.findById(campaignId);
        return settings == null ? Optional.empty() : Optional.of(new Chosen(settings.backend, settings.templateVersion));
    }

    /** The settings in effect: the chosen ones, or the default backend with the current response template. */
    @Transactional
    public Effective effective(String campaignId) {
        CampaignSettings settings = CampaignSettings.findById(campaignId);
        if (settings == null) {
            return new Effective(campaignId, backends.defaultName(), templates.current(GenerationMode.RESPONSE).id(), false);
        }
        return new Effective(campaignId, settings.backend,
                templates.resolve(GenerationMode.RESPONSE, settings.templateVersion).orElseThrow().id(), true);
    }

    /** Chooses a backend (and optionally a response-template version); 400 when either does not exist. */
    @Transactional
    public Effective choose(String campaignId, String backend, Integer templateVersion) {
        if (backends.find(backend).isEmpty()) {
            throw ProblemException.badRequest("Unknown backend " + backend, List.of(
                    new Problem.Violation("backend", null, "must be one of "
                            + backends.all().stream().map(GenerationBackend::name).toList())));
        }
        if (templates.resolve(GenerationMode.RESPONSE, templateVersion).isEmpty()) {
            throw ProblemException.badRequest("No response template version " + templateVersion);
        }
        CampaignSettings settings = CampaignSettings.findById(campaignId);
        if (settings == null) {
            settings = new CampaignSettings();
            settings.campaignId = campaignId;
        }
        settings.backend = backend;
        settings.templateVersion = templateVersion;
        settings.updatedAt = Instant.now();
        settings.persist();
        return effective(campaignId);
    }

    /** Back to the default backend. */
    @Transactional
    public void reset(String campaignId) {
        CampaignSettings.deleteById(campaignId);
    }
}
