-- Count deltas of a batch's partitions while a partitioned step runs, one row per partition (shard 1, 2, ...), so
-- that partitions write at the same time under a shared lock of the batch row; the batch's counts are its own plus
-- these. The step folds them into the batch row when it ends. heartbeat_at is the partition's last chunk.
CREATE TABLE booking_batch_shard (
	batch_id BIGINT NOT NULL,
	shard INT NOT NULL,
	total INT NOT NULL DEFAULT 0,
	pending INT NOT NULL DEFAULT 0,
	valid INT NOT NULL DEFAULT 0,
	invalid INT NOT NULL DEFAULT 0,
	warnings INT NOT NULL DEFAULT 0,
	stale INT NOT NULL DEFAULT 0,
	selected INT NOT NULL DEFAULT 0,
	confirmed INT NOT NULL DEFAULT 0,
	creating INT NOT NULL DEFAULT 0,
	created INT NOT NULL DEFAULT 0,
	failed INT NOT NULL DEFAULT 0,
	skipped INT NOT NULL DEFAULT 0,
	removed INT NOT NULL DEFAULT 0,
	checked INT NOT NULL DEFAULT 0,
	rejected INT NOT NULL DEFAULT 0,
	heartbeat_at DATETIME(6) NOT NULL,
	PRIMARY KEY (batch_id, shard),
	CONSTRAINT booking_batch_shard_batch_fk FOREIGN KEY (batch_id) REFERENCES booking_batch (id)
) ENGINE=InnoDB;
