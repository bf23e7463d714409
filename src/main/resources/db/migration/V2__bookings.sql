-- Live bookings. At most one booking per (schedule entry, occurrence date), cancelled ones included;
-- one-off bookings have no schedule entry (NULLs never collide in a unique key).
CREATE TABLE booking (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	client_id BIGINT NOT NULL,
	team_id BIGINT NOT NULL,
	schedule_entry_id BIGINT NULL,
	occurrence_date DATE NOT NULL,
	starts_at DATETIME(6) NOT NULL,
	ends_at DATETIME(6) NOT NULL,
	carers_required TINYINT NOT NULL,
	status VARCHAR(40) NOT NULL,
	batch_id BIGINT NULL,
	created_at DATETIME(6) NOT NULL,
	created_by VARCHAR(100) NULL,
	cancelled_at DATETIME(6) NULL,
	cancel_reason VARCHAR(500) NULL,
	version BIGINT NOT NULL DEFAULT 0,
	CONSTRAINT booking_occurrence_uk UNIQUE (schedule_entry_id, occurrence_date),
	INDEX booking_client_time_idx (client_id, starts_at),
	INDEX booking_starts_idx (starts_at),
	INDEX booking_batch_idx (batch_id),
	CONSTRAINT booking_client_fk FOREIGN KEY (client_id) REFERENCES client (id),
	CONSTRAINT booking_team_fk FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE=InnoDB;

-- Carer slots of a booking; the visit's times are repeated so that clash look-ups by carer use one index.
CREATE TABLE booking_carer (
	booking_id BIGINT NOT NULL,
	slot TINYINT NOT NULL,
	carer_id BIGINT NOT NULL,
	starts_at DATETIME(6) NOT NULL,
	ends_at DATETIME(6) NOT NULL,
	PRIMARY KEY (booking_id, slot),
	INDEX booking_carer_time_idx (carer_id, starts_at),
	CONSTRAINT booking_carer_booking_fk FOREIGN KEY (booking_id) REFERENCES booking (id),
	CONSTRAINT booking_carer_carer_fk FOREIGN KEY (carer_id) REFERENCES carer (id)
) ENGINE=InnoDB;
