-- The launch lock of the scheduled overnight run (ShedLock). Its times are the database's own (UTC_TIMESTAMP), so
-- that nodes with skewed clocks agree on who holds it.
CREATE TABLE shedlock (
	name VARCHAR(64) NOT NULL PRIMARY KEY,
	lock_until DATETIME(3) NOT NULL,
	locked_at DATETIME(3) NOT NULL,
	locked_by VARCHAR(255) NOT NULL
) ENGINE=InnoDB;

-- One row per scheduled run, keyed by its date in the provider's time zone: the final guard that lets a night's
-- run happen once, whatever the lock did. The row is written in the transaction that creates the run's batch.
-- batch_id is the latest attempt (the first batch, or its latest automatic retry); state is OPEN while the run
-- still has something to follow (auto-confirm, retries), then DONE, GAVE_UP (retries exhausted) or REFUSED (no
-- batch could be started).
CREATE TABLE scheduled_run (
	run_date DATE NOT NULL PRIMARY KEY,
	fired_at DATETIME(6) NOT NULL,
	node_id VARCHAR(200) NOT NULL,
	mode VARCHAR(30) NOT NULL,
	from_date DATE NOT NULL,
	to_date DATE NOT NULL,
	first_batch_id BIGINT NULL,
	batch_id BIGINT NULL,
	retries INT NOT NULL DEFAULT 0,
	next_retry_at DATETIME(6) NULL,
	confirmed_batch_id BIGINT NULL,
	state VARCHAR(20) NOT NULL,
	message VARCHAR(1000) NULL,
	INDEX scheduled_run_state_idx (state, run_date),
	CONSTRAINT scheduled_run_batch_fk FOREIGN KEY (batch_id) REFERENCES booking_batch (id),
	CONSTRAINT scheduled_run_first_batch_fk FOREIGN KEY (first_batch_id) REFERENCES booking_batch (id)
) ENGINE=InnoDB;
