package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.bookingbatch.booking.BookingStatusPolicy;
import org.bookingbatch.booking.CarerAvailability;
import org.bookingbatch.booking.IssueCode;

/**
 * Auto-resolves carer clashes: each clashing carer of an entry is replaced by another
 * carer of the entry's team who is active, employed, not absent and free at that time
 * and, when {@code booking.validation.carer-must-be-scheduled-available} is true,
 * scheduled to work then (see {@link CarerAvailability}), the one with the fewest visits
 * that week; or the slot is left unallocated when nobody qualifies. The changed entries
 * are revalidated at once.
 */
@Component
class AutoResolver {

	private final BatchService service;

	private final EntryRepository entries;

	private final EntryValidator validator;

	private final BatchTimeline timeline;

	private final JdbcClient jdbc;

	private final BookingStatusPolicy statuses;

	private final CarerAvailability availability;

	private final ZoneId zone;

	AutoResolver(BatchService service, EntryRepository entries, EntryValidator validator, BatchTimeline timeline,
			JdbcClient jdbc, BookingStatusPolicy statuses, CarerAvailability availability, ZoneId zone) {
		this.service = service;
		this.entries = entries;
		this.validator = validator;
		this.timeline = timeline;
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.availability = availability;
		this.zone = zone;
	}

	@Transactional
	List<Result> resolve(long batchId, String user) {
		this.service.lockFor(batchId, BatchAction.AUTO_RESOLVE_CLASHES);
		// in the order of the visits: of two clashing visits the earlier is resolved
		// first, however the entries' ids fell when the batch was built
		List<BatchEntry> clashing = this.entries
			.findAll(batchId, this.entries.idsWithIssue(batchId, IssueCode.CARER_CLASH))
			.stream()
			.sorted(Comparator.comparing(BatchEntry::startsAt)
				.thenComparingLong(BatchEntry::scheduleEntryId)
				.thenComparingLong(BatchEntry::id))
			.toList();
		if (clashing.isEmpty()) {
			return List.of();
		}
		Instant from = clashing.stream().map(BatchEntry::startsAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant to = clashing.stream().map(BatchEntry::endsAt).max(Comparator.naturalOrder()).orElseThrow();
		Set<Long> teamIds = new HashSet<>();
		clashing.forEach((entry) -> teamIds.add(entry.teamId()));
		Map<Long, Carer> carers = loadCarers(teamIds);
		CarerAvailability.Schedules schedules = this.availability.load(carers.keySet());
		Map<Long, List<Busy>> busy = loadBusy(batchId, carers.keySet(), from, to);
		// whole weeks: the clashes' window alone would miss the visits earlier or later
		// in the week
		Map<String, Integer> visitsPerWeek = countVisits(batchId, carers.keySet(), from, to);

		List<Result> results = new ArrayList<>();
		List<BatchEntry> changed = new ArrayList<>();
		for (BatchEntry entry : clashing) {
			List<Long> allocation = new ArrayList<>(entry.carerIds());
			boolean changedEntry = false;
			for (Long carerId : entry.carerIds()) {
				if (!clashes(busy.getOrDefault(carerId, List.of()), entry)) {
					continue;
				}
				Optional<Carer> replacement = carers.values()
					.stream()
					.filter((c) -> c.teamIds.contains(entry.teamId()) && !allocation.contains(c.id))
					.filter((c) -> c.available(entry.occurrenceDate()))
					.filter((c) -> schedules.scheduled(c.id, entry.startsAt(), entry.endsAt()))
					.filter((c) -> !clashes(busy.getOrDefault(c.id, List.of()), entry))
					.min(Comparator
						.comparingInt((Carer c) -> visitsPerWeek.getOrDefault(week(c.id, entry.startsAt()), 0))
						.thenComparing((Carer c) -> c.id));
				int slot = allocation.indexOf(carerId);
				removeBusy(busy, carerId, entry.id());
				visitsPerWeek.merge(week(carerId, entry.startsAt()), -1, Integer::sum);
				if (replacement.isPresent()) {
					long replacementId = replacement.get().id;
					allocation.set(slot, replacementId);
					busy.computeIfAbsent(replacementId, (k) -> new ArrayList<>())
						.add(new Busy(entry.id(), entry.startsAt(), entry.endsAt()));
					visitsPerWeek.merge(week(replacementId, entry.startsAt()), 1, Integer::sum);
					results.add(new Result(entry.id(), "REPLACED", carerId, replacementId));
				}
				else {
					allocation.remove(slot);
					results.add(new Result(entry.id(), "UNALLOCATED", carerId, null));
				}
				changedEntry = true;
			}
			if (changedEntry) {
				if (!this.entries.updateCarers(entry, allocation)) {
					throw new IllegalStateException("entry " + entry.id() + " changed during auto-resolve");
				}
				changed.add(entry.withCarers(List.copyOf(allocation)));
			}
		}
		Set<Long> previousCarers = new HashSet<>();
		clashing.forEach((entry) -> previousCarers.addAll(entry.carerIds()));
		this.validator.validateWithNeighbours(batchId, changed, previousCarers);
		this.timeline.action(batchId, "AUTO_RESOLVED", user,
				"Carer clashes auto-resolved: " + results.stream().filter((r) -> r.outcome().equals("REPLACED")).count()
						+ " carers replaced, "
						+ results.stream().filter((r) -> r.outcome().equals("UNALLOCATED")).count()
						+ " slots left unallocated");
		return results;
	}

	private static boolean clashes(List<Busy> busy, BatchEntry entry) {
		for (Busy b : busy) {
			if (b.entryId != entry.id() && b.start.isBefore(entry.endsAt()) && entry.startsAt().isBefore(b.end)) {
				return true;
			}
		}
		return false;
	}

	private static void removeBusy(Map<Long, List<Busy>> busy, long carerId, long entryId) {
		List<Busy> list = busy.get(carerId);
		if (list != null) {
			list.removeIf((b) -> b.entryId == entryId);
		}
	}

	private String week(long carerId, Instant at) {
		LocalDate date = LocalDate.ofInstant(at, this.zone);
		return carerId + "/" + date.get(IsoFields.WEEK_BASED_YEAR) + "-" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
	}

	private Map<Long, Carer> loadCarers(Set<Long> teamIds) {
		Map<Long, Carer> carers = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.id, c.employment_start, c.employment_finish, t.team_id FROM carer c
				JOIN carer_team t ON t.carer_id = c.id WHERE c.active AND t.team_id IN (:teams)
				""").param("teams", teamIds).query((rs) -> {
			Carer carer = carers.computeIfAbsent(rs.getLong("id"), (id) -> {
				try {
					return new Carer(id, rs.getObject("employment_start", LocalDate.class),
							rs.getObject("employment_finish", LocalDate.class), new HashSet<>());
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			carer.teamIds.add(rs.getLong("team_id"));
		});
		return carers;
	}

	/**
	 * Absences, bookings that occupy time, and the batch's own entries of the carers, in
	 * the window.
	 */
	private Map<Long, List<Busy>> loadBusy(long batchId, Set<Long> carerIds, Instant from, Instant to) {
		Map<Long, List<Busy>> busy = new HashMap<>();
		if (carerIds.isEmpty()) {
			return busy;
		}
		Timestamp start = Timestamp.from(from);
		Timestamp end = Timestamp.from(to);
		this.jdbc.sql("""
				SELECT carer_id, starts_at, ends_at FROM carer_absence WHERE carer_id IN (:carers)
				AND starts_at < :end AND ends_at > :start
				""").param("carers", carerIds).param("start", start).param("end", end).query((rs) -> {
			add(busy, rs.getLong(1), -1, rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
		});
		this.jdbc
			.sql("""
					SELECT bc.carer_id, bc.starts_at, bc.ends_at FROM booking_carer bc JOIN booking b ON b.id = bc.booking_id
					WHERE bc.carer_id IN (:carers) AND bc.starts_at < :end AND bc.ends_at > :start AND b.status IN (:statuses)
					""")
			.param("carers", carerIds)
			.param("start", start)
			.param("end", end)
			.param("statuses", this.statuses.timeOccupyingStatuses())
			.query((rs) -> {
				add(busy, rs.getLong(1), -1, rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
			});
		this.jdbc.sql("""
				SELECT c.carer_id, c.entry_id, c.starts_at, c.ends_at FROM batch_entry_carer c
				JOIN batch_entry e ON e.id = c.entry_id
				WHERE c.batch_id = :batchId AND c.carer_id IN (:carers) AND c.starts_at < :end AND c.ends_at > :start
				AND e.status IN ('PENDING', 'VALID', 'INVALID', 'CONFIRMED')
				""")
			.param("batchId", batchId)
			.param("carers", carerIds)
			.param("start", start)
			.param("end", end)
			.query((rs) -> {
				add(busy, rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
			});
		return busy;
	}

	/**
	 * The visits of each carer per week (bookings that occupy time and the batch's own
	 * entries), over the weeks that the window touches, keyed by {@link #week}.
	 */
	private Map<String, Integer> countVisits(long batchId, Set<Long> carerIds, Instant from, Instant to) {
		Map<String, Integer> visits = new HashMap<>();
		if (carerIds.isEmpty()) {
			return visits;
		}
		Timestamp start = Timestamp.from(LocalDate.ofInstant(from, this.zone)
			.with(java.time.DayOfWeek.MONDAY)
			.atStartOfDay(this.zone)
			.toInstant());
		Timestamp end = Timestamp.from(LocalDate.ofInstant(to, this.zone)
			.with(java.time.DayOfWeek.MONDAY)
			.plusWeeks(1)
			.atStartOfDay(this.zone)
			.toInstant());
		this.jdbc.sql("""
				SELECT bc.carer_id, bc.starts_at FROM booking_carer bc JOIN booking b ON b.id = bc.booking_id
				WHERE bc.carer_id IN (:carers) AND bc.starts_at >= :start AND bc.starts_at < :end
				AND b.status IN (:statuses)
				UNION ALL
				SELECT c.carer_id, c.starts_at FROM batch_entry_carer c JOIN batch_entry e ON e.id = c.entry_id
				WHERE c.batch_id = :batchId AND c.carer_id IN (:carers) AND c.starts_at >= :start AND c.starts_at < :end
				AND e.status IN ('PENDING', 'VALID', 'INVALID', 'CONFIRMED')
				""")
			.param("carers", carerIds)
			.param("start", start)
			.param("end", end)
			.param("statuses", this.statuses.timeOccupyingStatuses())
			.param("batchId", batchId)
			.query((rs) -> {
				visits.merge(week(rs.getLong(1), rs.getTimestamp(2).toInstant()), 1, Integer::sum);
			});
		return visits;
	}

	private static void add(Map<Long, List<Busy>> busy, long carerId, long entryId, Instant start, Instant end) {
		busy.computeIfAbsent(carerId, (k) -> new ArrayList<>()).add(new Busy(entryId, start, end));
	}

	private record Busy(long entryId, Instant start, Instant end) {
	}

	private record Carer(long id, @Nullable LocalDate employmentStart, @Nullable LocalDate employmentFinish,
			Set<Long> teamIds) {

		boolean available(LocalDate date) {
			return (this.employmentStart == null || !date.isBefore(this.employmentStart))
					&& (this.employmentFinish == null || !date.isAfter(this.employmentFinish));
		}

	}

	/** What auto-resolve did for one clashing carer of an entry. */
	record Result(long entryId, String outcome, long fromCarerId, @Nullable Long toCarerId) {
	}

}
