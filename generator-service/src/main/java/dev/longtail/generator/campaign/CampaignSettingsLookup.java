package dev.longtail.generator.campaign;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads a campaign's settings from any thread (the Kafka consumer has no request context). */
@ApplicationScoped
public class CampaignSettingsLookup {

    /** A detached copy of the settings. */
    public record Chosen(String backend, Integer templateVersion) {
    }

    @Transactional
    public Optional<Chosen> find(String campaignId) {
        if (campaignId == null) {
            return Optional.empty();
        }
        CampaignSettings settings = CampaignSettings.findById(campaignId);
        return settings == null ? Optional.empty() : Optional.of(new Chosen(settings.backend, settings.templateVersion));
    }
}
