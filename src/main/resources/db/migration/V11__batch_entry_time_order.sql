-- The step readers take a batch's entries of one status in the order of their start (then id): a chunk covers a
-- short stretch of time, so validating it loads few peers however long the batch. InnoDB appends the id.
ALTER TABLE batch_entry DROP INDEX batch_entry_status_idx, ADD INDEX batch_entry_status_idx (batch_id, status, starts_at);
