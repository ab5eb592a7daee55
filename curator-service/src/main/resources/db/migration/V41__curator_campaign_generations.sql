-- How many generations a campaign runs, from its CampaignStarted: the curator frees the campaign's in-memory state
-- once it has sealed the last one.
ALTER TABLE campaign_reference ADD COLUMN generations integer;
