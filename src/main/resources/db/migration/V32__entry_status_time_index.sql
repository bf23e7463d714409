-- The entries of one status by start time: the review and progress pages list a status (Invalid, Created) page
-- by page in time order, which the (batch, status, id) order made a walk of the whole batch by time. The step
-- readers keep their id order through the primary key, within their partition's id range.
ALTER TABLE batch_entry DROP INDEX batch_entry_status_idx, ADD INDEX batch_entry_status_idx (batch_id, status, starts_at);
