-- Booking-generation batches, their entries (one per occurrence) and their timelines.

CREATE TABLE booking_batch (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	from_date DATE NOT NULL,
	to_date DATE NOT NULL,
	status VARCHAR(30) NOT NULL,
	origin VARCHAR(20) NOT NULL,
	provisional BOOLEAN NOT NULL DEFAULT FALSE,
	retry_of_id BIGINT NULL,
	retried_as_id BIGINT NULL,
	created_by VARCHAR(100) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	updated_at DATETIME(6) NOT NULL,
	finished_at DATETIME(6) NULL,
	done_at DATETIME(6) NULL,
	failure_reason VARCHAR(2000) NULL,
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
	owner_node VARCHAR(200) NULL,
	heartbeat_at DATETIME(6) NULL,
	resume_attempts INT NOT NULL DEFAULT 0,
	version BIGINT NOT NULL DEFAULT 0,
	INDEX booking_batch_status_idx (status, id),
	CONSTRAINT booking_batch_retry_of_fk FOREIGN KEY (retry_of_id) REFERENCES booking_batch (id)
) ENGINE=InnoDB;

-- The teams a batch covers; none means all teams.
CREATE TABLE booking_batch_team (
	batch_id BIGINT NOT NULL,
	team_id BIGINT NOT NULL,
	PRIMARY KEY (batch_id, team_id),
	CONSTRAINT booking_batch_team_batch_fk FOREIGN KEY (batch_id) REFERENCES booking_batch (id),
	CONSTRAINT booking_batch_team_team_fk FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE=InnoDB;

-- One entry per occurrence. carer_ids is the allocation in slot order ("12,40"); issue_codes the codes of its
-- issues (",CARER_CLASH,UNALLOCATED,") for filtering; issues the full issues as JSON.
-- Status REMOVED marks an entry the user removed: it stays so that a refresh does not bring it back, and is
-- counted in no status.
CREATE TABLE batch_entry (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	batch_id BIGINT NOT NULL,
	schedule_entry_id BIGINT NOT NULL,
	schedule_version BIGINT NOT NULL,
	client_id BIGINT NOT NULL,
	team_id BIGINT NOT NULL,
	occurrence_date DATE NOT NULL,
	starts_at DATETIME(6) NOT NULL,
	ends_at DATETIME(6) NOT NULL,
	carers_required TINYINT NOT NULL,
	carer_ids VARCHAR(100) NOT NULL DEFAULT '',
	service_contract_id BIGINT NULL,
	status VARCHAR(12) NOT NULL,
	selected BOOLEAN NOT NULL DEFAULT FALSE,
	stale BOOLEAN NOT NULL DEFAULT FALSE,
	has_warning BOOLEAN NOT NULL DEFAULT FALSE,
	issue_codes VARCHAR(300) NOT NULL DEFAULT '',
	issues TEXT NULL,
	booking_id BIGINT NULL,
	error VARCHAR(1000) NULL,
	version BIGINT NOT NULL DEFAULT 0,
	CONSTRAINT batch_entry_occurrence_uk UNIQUE (batch_id, schedule_entry_id, occurrence_date),
	INDEX batch_entry_status_idx (batch_id, status, id),
	INDEX batch_entry_stale_idx (batch_id, stale, id),
	INDEX batch_entry_client_idx (batch_id, client_id, starts_at),
	INDEX batch_entry_time_idx (batch_id, starts_at),
	CONSTRAINT batch_entry_batch_fk FOREIGN KEY (batch_id) REFERENCES booking_batch (id)
) ENGINE=InnoDB;

-- The allocated carers of entries, for clash look-ups by carer within a batch.
CREATE TABLE batch_entry_carer (
	entry_id BIGINT NOT NULL,
	slot TINYINT NOT NULL,
	batch_id BIGINT NOT NULL,
	carer_id BIGINT NOT NULL,
	starts_at DATETIME(6) NOT NULL,
	ends_at DATETIME(6) NOT NULL,
	PRIMARY KEY (entry_id, slot),
	INDEX batch_entry_carer_idx (batch_id, carer_id, starts_at)
) ENGINE=InnoDB;

CREATE TABLE batch_event (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	batch_id BIGINT NOT NULL,
	at DATETIME(6) NOT NULL,
	type VARCHAR(30) NOT NULL,
	from_status VARCHAR(30) NULL,
	to_status VARCHAR(30) NULL,
	actor VARCHAR(100) NOT NULL,
	message VARCHAR(2000) NULL,
	INDEX batch_event_batch_idx (batch_id, id),
	CONSTRAINT batch_event_batch_fk FOREIGN KEY (batch_id) REFERENCES booking_batch (id)
) ENGINE=InnoDB;

-- Serialises the blocking check of batch starts and confirms across nodes.
CREATE TABLE generation_lock (
	name VARCHAR(50) NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
INSERT INTO generation_lock (name) VALUES ('start');

-- Nodes running batches, with their heartbeat, so that another node can take over a dead node's batches.
CREATE TABLE generation_node (
	node_id VARCHAR(200) NOT NULL PRIMARY KEY,
	started_at DATETIME(6) NOT NULL,
	heartbeat_at DATETIME(6) NOT NULL
) ENGINE=InnoDB;
