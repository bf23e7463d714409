package org.bookingbatch.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.booking.CareStatuses.CANCELLED;
import static org.bookingbatch.booking.CareStatuses.DISPATCHED;

/**
 * The engine's statements do not grow with the number of candidates: it loads a chunk's
 * data in set-based queries and checks in memory.
 */
class ValidationStatementCountIntegrationTests extends ValidationIntegrationTestSupport {

	/** Every switch that adds a query is in the position that adds it. */
	static final ValidationProperties ALL_QUERIES = new ValidationProperties(false, true, true, true);

	static final int CLIENTS = 100;

	static final int CARERS = 40;

	@Autowired
	DataSource dataSource;

	@Autowired
	BookingStatusPolicy statuses;

	@Autowired
	ZoneId providerZone;

	@Autowired
	TimeoutConditions timeouts;

	@Autowired
	Clock clock;

	final StatementCounter counter = new StatementCounter();

	ValidationEngine countedEngine;

	final List<Long> clients = new ArrayList<>();

	final List<Long> carers = new ArrayList<>();

	final List<Long> entries = new ArrayList<>();

	@BeforeEach
	void aProviderWithSomeOfEverything() {
		JdbcClient counted = JdbcClient.create(this.counter.wrap(this.dataSource));
		this.countedEngine = new ValidationEngine(new ValidationDataLoader(counted, this.statuses, this.providerZone,
				this.timeouts, this.clock, new CarerAvailability(counted, ALL_QUERIES, this.providerZone)), this.rules,
				ALL_QUERIES);
		for (int i = 0; i < CLIENTS; i++) {
			long client = this.data.client("Client " + i, this.north);
			this.data.contract(client, "personal care", LocalDate.of(2026, 1, 1), null);
			this.clients.add(client);
			this.entries.add(this.data.scheduleEntry(client, this.north));
			if (i % 10 == 0) {
				this.data.suspension(client, at(DAY.plusDays(5), "00:00"), null, "hospital stay");
			}
		}
		for (int i = 0; i < CARERS; i++) {
			long carer = this.data.carer("Carer " + i, this.north);
			this.carers.add(carer);
			for (int day = 1; day <= 7; day++) {
				this.data.availability(carer, DayOfWeek.of(day), LocalTime.of(7, 0), LocalTime.of(22, 0));
			}
			if (i % 5 == 0) {
				this.data.absence(carer, at(DAY.plusDays(3), "00:00"), at(DAY.plusDays(4), "00:00"), "training");
			}
		}
		for (int i = 0; i < 200; i++) {
			LocalDate date = DAY.plusDays(i / CLIENTS * 7L);
			Instant start = at(date, "07:00").plusSeconds(600L * (i % 60));
			this.data.booking(this.clients.get(i % CLIENTS), this.north, this.entries.get(i % CLIENTS), date, start,
					start.plusSeconds(1800), (i % 7 == 0) ? CANCELLED : DISPATCHED, this.carers.get(i % CARERS));
		}
	}

	@Test
	void tenAndTwoThousandCandidatesIssueTheSameStatements() {
		// given
		List<BookingCandidate> ten = candidates(10);
		List<BookingCandidate> twoThousand = candidates(2_000);
		AtomicInteger peerCalls = new AtomicInteger();
		CandidatePeers peers = (carerIds, clientIds, from, to) -> {
			peerCalls.incrementAndGet();
			return List.of(visit(1_000_000, this.clients.get(0), "09:00", 60, this.carers.get(0)));
		};
		// when
		this.counter.reset();
		Map<Long, List<ValidationIssue>> tenIssues = this.countedEngine.validate(ten, peers);
		List<String> forTen = this.counter.executed();
		this.counter.reset();
		Map<Long, List<ValidationIssue>> manyIssues = this.countedEngine.validate(twoThousand, peers);
		List<String> forTwoThousand = this.counter.executed();
		// then
		assertThat(tenIssues).hasSize(10);
		assertThat(manyIssues).hasSize(2_000);
		assertThat(manyIssues.values()).anySatisfy((issues) -> assertThat(issues).isNotEmpty())
			.anySatisfy((issues) -> assertThat(issues).isEmpty());
		// clients, teams, carers' teams, carers, absences, availability, contracts,
		// suspensions, carers' bookings, clients' bookings, booked occurrences
		assertThat(forTen).hasSize(11);
		assertThat(withoutInLists(forTwoThousand)).isEqualTo(withoutInLists(forTen));
		assertThat(peerCalls).hasValue(2);
	}

	/** The statements with every IN list shortened to one placeholder. */
	private static List<String> withoutInLists(List<String> statements) {
		return statements.stream().map((sql) -> sql.replaceAll("\\?(\\s*,\\s*\\?)+", "?")).toList();
	}

	/** Visits of the provider's entries on consecutive days, several carers a day. */
	private List<BookingCandidate> candidates(int count) {
		List<BookingCandidate> candidates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int entry = i % CLIENTS;
			LocalDate date = DAY.plusDays(i / CLIENTS);
			Instant start = at(date, "07:00").plusSeconds(600L * entry);
			candidates.add(new BookingCandidate(i, this.clients.get(entry), this.north, this.entries.get(entry), date,
					start, start.plusSeconds(1800), (i % 9 == 0) ? 2 : 1, List.of(this.carers.get(i % CARERS)), null));
		}
		return candidates;
	}

}
