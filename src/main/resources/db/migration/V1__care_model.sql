-- The care scheduling model: teams, clients, carers and what constrains their visits.
-- Instants are stored as UTC DATETIME(6); local dates and times as DATE / TIME.
-- Rows a batch depends on carry a version that every change increments (stale detection).

CREATE TABLE team (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	CONSTRAINT team_name_uk UNIQUE (name)
) ENGINE=InnoDB;

CREATE TABLE client (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	active BOOLEAN NOT NULL DEFAULT TRUE,
	has_address BOOLEAN NOT NULL DEFAULT TRUE,
	version BIGINT NOT NULL DEFAULT 0,
	updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB;

CREATE TABLE client_team (
	client_id BIGINT NOT NULL,
	team_id BIGINT NOT NULL,
	PRIMARY KEY (client_id, team_id),
	INDEX client_team_team_idx (team_id, client_id),
	CONSTRAINT client_team_client_fk FOREIGN KEY (client_id) REFERENCES client (id),
	CONSTRAINT client_team_team_fk FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE=InnoDB;

CREATE TABLE carer (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	active BOOLEAN NOT NULL DEFAULT TRUE,
	has_address BOOLEAN NOT NULL DEFAULT TRUE,
	employment_start DATE NULL,
	employment_finish DATE NULL,
	version BIGINT NOT NULL DEFAULT 0,
	updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB;

CREATE TABLE carer_team (
	carer_id BIGINT NOT NULL,
	team_id BIGINT NOT NULL,
	PRIMARY KEY (carer_id, team_id),
	INDEX carer_team_team_idx (team_id, carer_id),
	CONSTRAINT carer_team_carer_fk FOREIGN KEY (carer_id) REFERENCES carer (id),
	CONSTRAINT carer_team_team_fk FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE=InnoDB;

-- Weekly working pattern; day_of_week is ISO (1 = Monday .. 7 = Sunday).
CREATE TABLE carer_availability (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	carer_id BIGINT NOT NULL,
	day_of_week TINYINT NOT NULL,
	start_time TIME NOT NULL,
	end_time TIME NOT NULL,
	INDEX carer_availability_carer_idx (carer_id),
	CONSTRAINT carer_availability_carer_fk FOREIGN KEY (carer_id) REFERENCES carer (id)
) ENGINE=InnoDB;

CREATE TABLE carer_absence (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	carer_id BIGINT NOT NULL,
	starts_at DATETIME(6) NOT NULL,
	ends_at DATETIME(6) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	INDEX carer_absence_carer_idx (carer_id, starts_at),
	CONSTRAINT carer_absence_carer_fk FOREIGN KEY (carer_id) REFERENCES carer (id)
) ENGINE=InnoDB;

CREATE TABLE service_contract (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	client_id BIGINT NOT NULL,
	service_type VARCHAR(100) NOT NULL,
	start_date DATE NOT NULL,
	finish_date DATE NULL,
	INDEX service_contract_client_idx (client_id),
	CONSTRAINT service_contract_client_fk FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB;

CREATE TABLE suspension (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	client_id BIGINT NOT NULL,
	starts_at DATETIME(6) NOT NULL,
	finishes_at DATETIME(6) NULL,
	reason VARCHAR(500) NOT NULL,
	INDEX suspension_client_idx (client_id, starts_at),
	CONSTRAINT suspension_client_fk FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE=InnoDB;

-- days_of_week and weeks are bit sets: bit (ISO day - 1) and bit (week - 1).
CREATE TABLE schedule_entry (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	client_id BIGINT NOT NULL,
	team_id BIGINT NOT NULL,
	days_of_week TINYINT UNSIGNED NOT NULL,
	start_time TIME NOT NULL,
	duration_minutes INT NOT NULL,
	cycle_weeks TINYINT NOT NULL DEFAULT 1,
	cycle_start DATE NOT NULL,
	weeks TINYINT UNSIGNED NOT NULL DEFAULT 1,
	carers_required TINYINT NOT NULL DEFAULT 1,
	service_contract_id BIGINT NULL,
	valid_from DATE NOT NULL,
	valid_to DATE NULL,
	version BIGINT NOT NULL DEFAULT 0,
	updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	INDEX schedule_entry_team_idx (team_id, id),
	INDEX schedule_entry_client_idx (client_id),
	CONSTRAINT schedule_entry_client_fk FOREIGN KEY (client_id) REFERENCES client (id),
	CONSTRAINT schedule_entry_team_fk FOREIGN KEY (team_id) REFERENCES team (id),
	CONSTRAINT schedule_entry_contract_fk FOREIGN KEY (service_contract_id) REFERENCES service_contract (id)
) ENGINE=InnoDB;

-- Allocated carers of an entry, in slot order.
CREATE TABLE schedule_entry_carer (
	schedule_entry_id BIGINT NOT NULL,
	slot TINYINT NOT NULL,
	carer_id BIGINT NOT NULL,
	PRIMARY KEY (schedule_entry_id, slot),
	CONSTRAINT schedule_entry_carer_uk UNIQUE (schedule_entry_id, carer_id),
	INDEX schedule_entry_carer_carer_idx (carer_id),
	CONSTRAINT schedule_entry_carer_entry_fk FOREIGN KEY (schedule_entry_id) REFERENCES schedule_entry (id),
	CONSTRAINT schedule_entry_carer_carer_fk FOREIGN KEY (carer_id) REFERENCES carer (id)
) ENGINE=InnoDB;

-- Marks one-time set-up work (demo data) as done, so a restart does not repeat it.
CREATE TABLE setup_marker (
	name VARCHAR(100) NOT NULL PRIMARY KEY,
	done_at DATETIME(6) NOT NULL
) ENGINE=InnoDB;
