package org.bookingbatch.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clean provider for rule tests on the real database: team North, client Bob Cox with a
 * personal care contract since 1 Jan 2026, carers Ann Lee and Cal Fry in North. A visit
 * of Bob Cox with Ann Lee on Tuesday 14 Apr 2026 gives no issue; each test adds the one
 * thing it is about.
 */
@SpringBootTest
abstract class ValidationIntegrationTestSupport {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A Tuesday. */
	static final LocalDate DAY = LocalDate.of(2026, 4, 14);

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ValidationEngine engine;

	@Autowired
	ValidationDataLoader loader;

	@Autowired
	List<ValidationRule> rules;

	BookingTestData data;

	long north;

	long bob;

	long ann;

	long cal;

	@BeforeEach
	void provider() {
		DatabaseCleaner.clean(this.jdbcTemplate);
		this.data = new BookingTestData(this.jdbc);
		this.north = this.data.team("North");
		this.bob = this.data.client("Bob Cox", this.north);
		this.data.contract(this.bob, "personal care", LocalDate.of(2026, 1, 1), null);
		this.ann = this.data.carer("Ann Lee", this.north);
		this.cal = this.data.carer("Cal Fry", this.north);
	}

	/** A local time in London on a date, as an instant. */
	static Instant at(LocalDate date, String localTime) {
		return ZonedDateTime.of(date, LocalTime.parse(localTime), LONDON).toInstant();
	}

	static Instant at(String localTime) {
		return at(DAY, localTime);
	}

	/** A one-carer visit of the given client on {@link #DAY}. */
	BookingCandidate visit(long key, long clientId, String localStart, int minutes, Long... carerIds) {
		return visitOn(key, clientId, DAY, localStart, minutes, carerIds);
	}

	/**
	 * A visit of Bob Cox on {@link #DAY} with the given carers (one required per carer).
	 */
	BookingCandidate visit(long key, String localStart, int minutes, Long... carerIds) {
		return visit(key, this.bob, localStart, minutes, carerIds);
	}

	BookingCandidate visitOn(long key, long clientId, LocalDate date, String localStart, int minutes,
			Long... carerIds) {
		Instant start = at(date, localStart);
		return new BookingCandidate(key, clientId, this.north, null, date, start, start.plusSeconds(minutes * 60L),
				Math.max(1, carerIds.length), Arrays.asList(carerIds), null);
	}

	static BookingCandidate withEntry(BookingCandidate candidate, long scheduleEntryId) {
		return new BookingCandidate(candidate.key(), candidate.clientId(), candidate.teamId(), scheduleEntryId,
				candidate.occurrenceDate(), candidate.startsAt(), candidate.endsAt(), candidate.carersRequired(),
				candidate.carerIds(), candidate.serviceContractId());
	}

	static BookingCandidate requiring(BookingCandidate candidate, int carersRequired) {
		return new BookingCandidate(candidate.key(), candidate.clientId(), candidate.teamId(),
				candidate.scheduleEntryId(), candidate.occurrenceDate(), candidate.startsAt(), candidate.endsAt(),
				carersRequired, candidate.carerIds(), candidate.serviceContractId());
	}

	static BookingCandidate withContract(BookingCandidate candidate, long serviceContractId) {
		return new BookingCandidate(candidate.key(), candidate.clientId(), candidate.teamId(),
				candidate.scheduleEntryId(), candidate.occurrenceDate(), candidate.startsAt(), candidate.endsAt(),
				candidate.carersRequired(), candidate.carerIds(), serviceContractId);
	}

	/** Validates with the application's engine and settings. */
	Map<Long, List<ValidationIssue>> validate(BookingCandidate... candidates) {
		return this.engine.validate(List.of(candidates), CandidatePeers.NONE);
	}

	/** Validates with other settings, through every registered rule. */
	Map<Long, List<ValidationIssue>> validate(ValidationProperties settings, CandidatePeers peers,
			BookingCandidate... candidates) {
		return new ValidationEngine(this.loader, this.rules, settings).validate(List.of(candidates), peers);
	}

	/** The issues of a single candidate validated alone. */
	List<ValidationIssue> issues(BookingCandidate candidate) {
		return validate(candidate).get(candidate.key());
	}

	List<ValidationIssue> issues(ValidationProperties settings, BookingCandidate candidate) {
		return validate(settings, CandidatePeers.NONE, candidate).get(candidate.key());
	}

	static List<IssueCode> codes(List<ValidationIssue> issues) {
		return issues.stream().map(ValidationIssue::code).toList();
	}

	static ValidationIssue error(IssueCode code, String message) {
		return new ValidationIssue(code, Severity.ERROR, message);
	}

}
