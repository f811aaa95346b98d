-- Pipelines that take a set of files (analyze_subs, stack_subs) run one job over several files of a
-- session: their ids as a JSON array. NULL: the job's own file_id alone.
ALTER TABLE processing_jobs ADD COLUMN input_file_ids TEXT;
