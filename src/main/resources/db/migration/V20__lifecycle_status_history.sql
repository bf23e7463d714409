-- The booking lifecycle (booking-lifecycle.md): when a booking was last worked on (timeouts with "after"
-- count from it), who cancelled it with which flags, and the history of its status changes.

ALTER TABLE booking
	ADD COLUMN last_activity_at DATETIME(6) NULL,
	ADD COLUMN cancelled_by VARCHAR(100) NULL,
	ADD COLUMN charge_client BOOLEAN NULL,
	ADD COLUMN pay_carer BOOLEAN NULL;

UPDATE booking SET last_activity_at = created_at;

-- Writers that do not name the column get the moment of the insert.
ALTER TABLE booking MODIFY last_activity_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);

-- The sweep looks bookings up by status and the moment their timeout counts from.
CREATE INDEX booking_status_activity_idx ON booking (status, last_activity_at);
CREATE INDEX booking_status_starts_idx ON booking (status, starts_at);

-- Every status change of a booking, its creation included (from_status and transition are NULL then).
-- The rows are the outbox of booking events: published turns true once the webhook relay has taken
-- them, so a change and its event are written in one transaction.
CREATE TABLE booking_status_history (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	booking_id BIGINT NOT NULL,
	from_status VARCHAR(40) NULL,
	to_status VARCHAR(40) NOT NULL,
	transition VARCHAR(60) NULL,
	actor VARCHAR(100) NOT NULL,
	at DATETIME(6) NOT NULL,
	reason VARCHAR(500) NULL,
	fields VARCHAR(2000) NULL,
	published BOOLEAN NOT NULL DEFAULT FALSE,
	INDEX booking_status_history_booking_idx (booking_id, id),
	INDEX booking_status_history_published_idx (published, id),
	CONSTRAINT booking_status_history_booking_fk FOREIGN KEY (booking_id) REFERENCES booking (id)
) ENGINE=InnoDB;
