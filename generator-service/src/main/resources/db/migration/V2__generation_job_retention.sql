-- The retention cleanup looks for jobs that ended before a cutoff; only finished jobs have finished_at.
CREATE INDEX generation_job_finished ON generation_job (finished_at) WHERE finished_at IS NOT NULL;
