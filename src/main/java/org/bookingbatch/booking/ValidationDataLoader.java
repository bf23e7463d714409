package org.bookingbatch.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bookingbatch.booking.ValidationContext.Absence;
import org.bookingbatch.booking.ValidationContext.Carer;
import org.bookingbatch.booking.ValidationContext.Client;
import org.bookingbatch.booking.ValidationContext.Contract;
import org.bookingbatch.booking.ValidationContext.ExistingBooking;
import org.bookingbatch.booking.ValidationContext.OccurrenceKey;
import org.bookingbatch.booking.ValidationContext.Suspension;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads what the rules need for a whole set of candidates in a fixed number of queries:
 * IN lists over the distinct clients, carers, teams and schedule entries, bounded by the
 * set's time window. The number of statements never depends on the number of candidates.
 */
@Component
class ValidationDataLoader {

	private final JdbcClient jdbc;

	private final BookingStatusPolicy statuses;

	private final IssueFormat format;

	private final TimeoutConditions timeouts;

	private final Clock clock;

	private final CarerAvailability availability;

	ValidationDataLoader(JdbcClient jdbc, BookingStatusPolicy statuses, ZoneId providerZone, TimeoutConditions timeouts,
			Clock clock, CarerAvailability availability) {
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.format = new IssueFormat(providerZone);
		this.timeouts = timeouts;
		this.clock = clock;
		this.availability = availability;
	}

	ValidationContext load(List<BookingCandidate> candidates, CandidatePeers peers, ValidationProperties settings) {
		return load(candidates, peers, settings, Set.of());
	}

	/**
	 * @param ignoredBookings existing bookings to leave out, such as the booking whose
	 * carers are being changed
	 */
	ValidationContext load(List<BookingCandidate> candidates, CandidatePeers peers, ValidationProperties settings,
			Set<Long> ignoredBookings) {
		// A booking whose due timeout frees its time (a hold past its expiry) is free
		// already, before the sweep moves it.
		TimeoutConditions.Condition expired = this.timeouts.freedByTimeout(this.clock.instant(), "expired");
		Instant from = candidates.stream().map(BookingCandidate::startsAt).min(Instant::compareTo).orElseThrow();
		Instant to = candidates.stream().map(BookingCandidate::endsAt).max(Instant::compareTo).orElseThrow();
		LocalDate firstDate = candidates.stream()
			.map(BookingCandidate::occurrenceDate)
			.min(LocalDate::compareTo)
			.orElseThrow();
		LocalDate lastDate = candidates.stream()
			.map(BookingCandidate::occurrenceDate)
			.max(LocalDate::compareTo)
			.orElseThrow();
		Set<Long> clientIds = distinct(candidates, (candidate) -> List.of(candidate.clientId()));
		Set<Long> carerIds = distinct(candidates, BookingCandidate::carerIds);
		Set<Long> teamIds = distinct(candidates, (candidate) -> List.of(candidate.teamId()));
		Set<Long> entryIds = distinct(candidates, (candidate) -> (candidate.scheduleEntryId() != null)
				? List.of(candidate.scheduleEntryId()) : List.of());

		// Peers first, so that a candidate replaces a stale copy of itself among them.
		Map<Long, BookingCandidate> visits = new LinkedHashMap<>();
		for (BookingCandidate peer : peers.overlapping(Set.copyOf(carerIds), Set.copyOf(clientIds), from, to)) {
			visits.put(peer.key(), peer);
		}
		candidates.forEach((candidate) -> visits.put(candidate.key(), candidate));
		Set<Long> namedClientIds = new LinkedHashSet<>(clientIds);
		visits.values().forEach((visit) -> namedClientIds.add(visit.clientId()));

		Map<Long, Timeline<ExistingBooking>> clientBookings = settings.allowClientOverlap() ? Map.of()
				: timelines(clientBookings(clientIds, from, to, expired, ignoredBookings), ExistingBooking::clientId,
						ExistingBooking::startsAt, ExistingBooking::endsAt);
		return new ValidationContext(settings, this.format, clients(namedClientIds), teams(teamIds), carers(carerIds),
				timelines(absences(carerIds, from, to), Absence::carerId, Absence::startsAt, Absence::endsAt),
				settings.carerMustBeScheduledAvailable() ? this.availability.windows(carerIds) : Map.of(),
				group(contracts(clientIds), Contract::clientId),
				timelines(suspensions(clientIds, from, to), Suspension::clientId, Suspension::startsAt,
						Suspension::endOrMax),
				carerBookings(carerIds, from, to, expired, ignoredBookings), clientBookings,
				bookedOccurrences(entryIds, firstDate, lastDate, ignoredBookings), visitsByCarer(visits.values()),
				timelines(visits.values(), BookingCandidate::clientId, BookingCandidate::startsAt,
						BookingCandidate::endsAt));
	}

	private Map<Long, Client> clients(Set<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Client> clients = new HashMap<>();
		this.jdbc.sql("SELECT id, name, active, has_address FROM client WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, row) -> new Client(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
					rs.getBoolean("has_address")))
			.list()
			.forEach((client) -> clients.put(client.id(), client));
		return clients;
	}

	private Map<Long, String> teams(Set<Long> ids) {
		Map<Long, String> teams = new HashMap<>();
		this.jdbc.sql("SELECT id, name FROM team WHERE id IN (:ids)").param("ids", ids).query((rs) -> {
			teams.put(rs.getLong("id"), rs.getString("name"));
		});
		return teams;
	}

	private Map<Long, Carer> carers(Set<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Set<Long>> teams = new HashMap<>();
		this.jdbc.sql("SELECT carer_id, team_id FROM carer_team WHERE carer_id IN (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				teams.computeIfAbsent(rs.getLong("carer_id"), (id) -> new HashSet<>()).add(rs.getLong("team_id"));
			});
		Map<Long, Carer> carers = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, name, active, has_address, employment_start, employment_finish
				FROM carer WHERE id IN (:ids)
				""")
			.param("ids", ids)
			.query((rs, row) -> new Carer(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
					rs.getBoolean("has_address"), rs.getObject("employment_start", LocalDate.class),
					rs.getObject("employment_finish", LocalDate.class), teams.getOrDefault(rs.getLong("id"), Set.of())))
			.list()
			.forEach((carer) -> carers.put(carer.id(), carer));
		return carers;
	}

	private List<Absence> absences(Set<Long> carerIds, Instant from, Instant to) {
		if (carerIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT carer_id, starts_at, ends_at, reason FROM carer_absence
				WHERE carer_id IN (:carerIds) AND starts_at < :to AND ends_at > :from
				""")
			.param("carerIds", carerIds)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, row) -> new Absence(rs.getLong("carer_id"), instant(rs, "starts_at"), instant(rs, "ends_at"),
					rs.getString("reason")))
			.list();
	}

	/**
	 * Every contract of the clients, not only those of the window, so that a contract an
	 * entry names can be told apart from another client's; a client has few.
	 */
	private List<Contract> contracts(Set<Long> clientIds) {
		return this.jdbc.sql("""
				SELECT id, client_id, service_type, start_date, finish_date FROM service_contract
				WHERE client_id IN (:clientIds)
				""")
			.param("clientIds", clientIds)
			.query((rs, row) -> new Contract(rs.getLong("id"), rs.getLong("client_id"), rs.getString("service_type"),
					rs.getObject("start_date", LocalDate.class), rs.getObject("finish_date", LocalDate.class)))
			.list();
	}

	private List<Suspension> suspensions(Set<Long> clientIds, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT client_id, starts_at, finishes_at, reason FROM suspension
				WHERE client_id IN (:clientIds) AND starts_at < :to AND (finishes_at IS NULL OR finishes_at > :from)
				""")
			.param("clientIds", clientIds)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, row) -> new Suspension(rs.getLong("client_id"), instant(rs, "starts_at"),
					nullableInstant(rs, "finishes_at"), rs.getString("reason")))
			.list();
	}

	private Map<Long, Timeline<ExistingBooking>> carerBookings(Set<Long> carerIds, Instant from, Instant to,
			TimeoutConditions.Condition expired, Set<Long> ignored) {
		if (carerIds.isEmpty()) {
			return Map.of();
		}
		// The lower bound on starts_at keeps the index range to the window: without it
		// the
		// look-up would read every past booking of the carers.
		Map<Long, List<ExistingBooking>> byCarer = new HashMap<>();
		this.jdbc.sql("""
				SELECT bc.carer_id, b.id, b.client_id, c.name AS client_name, b.schedule_entry_id, b.occurrence_date,
				b.starts_at, b.ends_at, b.status
				FROM booking_carer bc JOIN booking b ON b.id = bc.booking_id JOIN client c ON c.id = b.client_id
				WHERE bc.carer_id IN (:carerIds) AND bc.starts_at >= :earliest AND bc.starts_at < :to
				AND bc.ends_at > :from AND b.status IN (:statuses) AND NOT\s""" + expired.sql())
			.param("carerIds", carerIds)
			.param("earliest", utc(from.minus(ValidationEngine.MAX_VISIT_LENGTH)))
			.param("from", utc(from))
			.param("to", utc(to))
			.param("statuses", this.statuses.timeOccupyingStatuses())
			.params(expired.params())
			.query((rs) -> {
				ExistingBooking booking = booking(rs);
				if (!ignored.contains(booking.id())) {
					byCarer.computeIfAbsent(rs.getLong("carer_id"), (id) -> new ArrayList<>()).add(booking);
				}
			});
		Map<Long, Timeline<ExistingBooking>> timelines = new HashMap<>();
		byCarer.forEach((carerId, bookings) -> timelines.put(carerId,
				new Timeline<>(bookings, ExistingBooking::startsAt, ExistingBooking::endsAt)));
		return timelines;
	}

	private List<ExistingBooking> clientBookings(Set<Long> clientIds, Instant from, Instant to,
			TimeoutConditions.Condition expired, Set<Long> ignored) {
		return this.jdbc.sql("""
				SELECT b.id, b.client_id, c.name AS client_name, b.schedule_entry_id, b.occurrence_date,
				b.starts_at, b.ends_at, b.status
				FROM booking b JOIN client c ON c.id = b.client_id
				WHERE b.client_id IN (:clientIds) AND b.starts_at >= :earliest AND b.starts_at < :to
				AND b.ends_at > :from AND b.status IN (:statuses) AND NOT\s""" + expired.sql())
			.param("clientIds", clientIds)
			.param("earliest", utc(from.minus(ValidationEngine.MAX_VISIT_LENGTH)))
			.param("from", utc(from))
			.param("to", utc(to))
			.param("statuses", this.statuses.timeOccupyingStatuses())
			.params(expired.params())
			.query((rs, row) -> booking(rs))
			.list()
			.stream()
			.filter((booking) -> !ignored.contains(booking.id()))
			.toList();
	}

	private Map<OccurrenceKey, ExistingBooking> bookedOccurrences(Set<Long> entryIds, LocalDate firstDate,
			LocalDate lastDate, Set<Long> ignored) {
		if (entryIds.isEmpty()) {
			return Map.of();
		}
		// The unique key (schedule_entry_id, occurrence_date) serves entry ids plus a
		// date
		// range; the exact pairs are matched in memory.
		Map<OccurrenceKey, ExistingBooking> booked = new HashMap<>();
		this.jdbc.sql("""
				SELECT b.id, b.client_id, c.name AS client_name, b.schedule_entry_id, b.occurrence_date,
				b.starts_at, b.ends_at, b.status
				FROM booking b JOIN client c ON c.id = b.client_id
				WHERE b.schedule_entry_id IN (:entryIds) AND b.occurrence_date BETWEEN :firstDate AND :lastDate
				AND b.status IN (:statuses)
				""")
			.param("entryIds", entryIds)
			.param("firstDate", firstDate)
			.param("lastDate", lastDate)
			.param("statuses", this.statuses.bookedStatuses())
			.query((rs) -> {
				ExistingBooking booking = booking(rs);
				if (!ignored.contains(booking.id())) {
					booked.put(new OccurrenceKey(rs.getLong("schedule_entry_id"), booking.occurrenceDate()), booking);
				}
			});
		return booked;
	}

	private static ExistingBooking booking(ResultSet rs) throws SQLException {
		return new ExistingBooking(rs.getLong("id"), rs.getLong("client_id"), rs.getString("client_name"),
				rs.getObject("schedule_entry_id", Long.class), rs.getObject("occurrence_date", LocalDate.class),
				instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("status"));
	}

	private static Map<Long, Timeline<BookingCandidate>> visitsByCarer(Collection<BookingCandidate> visits) {
		Map<Long, List<BookingCandidate>> byCarer = new HashMap<>();
		for (BookingCandidate visit : visits) {
			for (Long carerId : ValidationContext.allocatedCarers(visit)) {
				byCarer.computeIfAbsent(carerId, (id) -> new ArrayList<>()).add(visit);
			}
		}
		Map<Long, Timeline<BookingCandidate>> timelines = new HashMap<>();
		byCarer.forEach((carerId, list) -> timelines.put(carerId,
				new Timeline<>(list, BookingCandidate::startsAt, BookingCandidate::endsAt)));
		return timelines;
	}

	private static <T> Map<Long, Timeline<T>> timelines(Collection<T> items, Function<T, Long> key,
			Function<T, Instant> start, Function<T, Instant> end) {
		Map<Long, Timeline<T>> timelines = new HashMap<>();
		group(items, key).forEach((id, list) -> timelines.put(id, new Timeline<>(list, start, end)));
		return timelines;
	}

	private static <T> Map<Long, List<T>> group(Collection<T> items, Function<T, Long> key) {
		Map<Long, List<T>> groups = new HashMap<>();
		for (T item : items) {
			groups.computeIfAbsent(key.apply(item), (id) -> new ArrayList<>()).add(item);
		}
		return groups;
	}

	private static Set<Long> distinct(List<BookingCandidate> candidates, Function<BookingCandidate, List<Long>> ids) {
		Set<Long> distinct = new LinkedHashSet<>();
		candidates.forEach((candidate) -> distinct.addAll(ids.apply(candidate)));
		return distinct;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
