-- Webhooks (booking-lifecycle.md, Events and webhooks): subscriptions, the outbox of events, one delivery
-- per subscription and event with its retries, and the log of every attempt.

CREATE TABLE webhook_subscription (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	url VARCHAR(2000) NOT NULL,
	secret VARCHAR(500) NOT NULL,
	active BOOLEAN NOT NULL DEFAULT TRUE,
	created_by VARCHAR(100) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	updated_at DATETIME(6) NOT NULL,
	version BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

CREATE TABLE webhook_subscription_event (
	subscription_id BIGINT NOT NULL,
	event_type VARCHAR(50) NOT NULL,
	PRIMARY KEY (subscription_id, event_type),
	INDEX webhook_subscription_event_type_idx (event_type, subscription_id),
	CONSTRAINT webhook_subscription_event_subscription_fk FOREIGN KEY (subscription_id)
		REFERENCES webhook_subscription (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- The outbox: events written in the transaction of the change they tell (batch status changes), or
-- relayed in order from the booking status history. fanned_out turns true once a delivery row exists
-- for every subscription of the event's type. ordering_key ("booking:12") keeps one booking's events
-- in order.
CREATE TABLE webhook_event (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	event_id CHAR(36) NOT NULL,
	type VARCHAR(50) NOT NULL,
	ordering_key VARCHAR(100) NOT NULL,
	payload TEXT NOT NULL,
	occurred_at DATETIME(6) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	fanned_out BOOLEAN NOT NULL DEFAULT FALSE,
	CONSTRAINT webhook_event_event_id_uk UNIQUE (event_id),
	INDEX webhook_event_fan_out_idx (fanned_out, id)
) ENGINE=InnoDB;

-- One event to one subscription: PENDING until a 2xx answer (DELIVERED) or until it gives up after the
-- retry period (FAILED), which starts with its first attempt (give_up_at is set then): a delivery waiting
-- behind an earlier one of the same booking still gets its whole period. claimed_until keeps two nodes
-- from sending the same delivery at once.
CREATE TABLE webhook_delivery (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	subscription_id BIGINT NOT NULL,
	event_pk BIGINT NOT NULL,
	ordering_key VARCHAR(100) NOT NULL,
	status VARCHAR(12) NOT NULL,
	attempts INT NOT NULL DEFAULT 0,
	next_attempt_at DATETIME(6) NOT NULL,
	give_up_at DATETIME(6) NULL,
	claimed_until DATETIME(6) NULL,
	last_attempt_at DATETIME(6) NULL,
	last_status_code INT NULL,
	last_error VARCHAR(1000) NULL,
	delivered_at DATETIME(6) NULL,
	created_at DATETIME(6) NOT NULL,
	CONSTRAINT webhook_delivery_event_uk UNIQUE (subscription_id, event_pk),
	INDEX webhook_delivery_due_idx (status, next_attempt_at),
	INDEX webhook_delivery_order_idx (subscription_id, ordering_key, status, event_pk),
	CONSTRAINT webhook_delivery_subscription_fk FOREIGN KEY (subscription_id)
		REFERENCES webhook_subscription (id) ON DELETE CASCADE,
	CONSTRAINT webhook_delivery_event_fk FOREIGN KEY (event_pk) REFERENCES webhook_event (id)
) ENGINE=InnoDB;

CREATE TABLE webhook_delivery_attempt (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	delivery_id BIGINT NOT NULL,
	attempt INT NOT NULL,
	at DATETIME(6) NOT NULL,
	status_code INT NULL,
	error VARCHAR(1000) NULL,
	duration_millis BIGINT NOT NULL,
	INDEX webhook_delivery_attempt_delivery_idx (delivery_id, id),
	CONSTRAINT webhook_delivery_attempt_delivery_fk FOREIGN KEY (delivery_id)
		REFERENCES webhook_delivery (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Serialises the relay of booking events across nodes, so that events keep the order of the history.
CREATE TABLE webhook_lock (
	name VARCHAR(50) NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
INSERT INTO webhook_lock (name) VALUES ('relay');
