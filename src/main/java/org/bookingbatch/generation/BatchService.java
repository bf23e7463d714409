package org.bookingbatch.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.bookingbatch.booking.BookingStatusPolicy;
import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.care.Recurrence;
import org.bookingbatch.care.ScheduleEntry;
import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.ProblemException;

/**
 * What users do with batches: preview, start, review actions, confirm, cancel, retry.
 * Every action asks {@link BatchStatusModel} whether the batch's status allows it, under
 * a lock on the batch's row.
 */
@Service
public class BatchService {

	private final BatchRepository batches;

	private final EntryRepository entries;

	private final BatchTimeline timeline;

	private final BatchJobLauncher launcher;

	private final EntryValidator validator;

	private final BatchJobListener jobListener;

	private final NodeRegistry nodes;

	private final GenerationProperties properties;

	private final JdbcClient jdbc;

	private final BookingStatusPolicy statuses;

	private final Clock clock;

	private final ZoneId zone;

	BatchService(BatchRepository batches, EntryRepository entries, BatchTimeline timeline, BatchJobLauncher launcher,
			EntryValidator validator, BatchJobListener jobListener, NodeRegistry nodes, GenerationProperties properties,
			JdbcClient jdbc, BookingStatusPolicy statuses, Clock clock, ZoneId zone) {
		this.batches = batches;
		this.entries = entries;
		this.timeline = timeline;
		this.launcher = launcher;
		this.validator = validator;
		this.jobListener = jobListener;
		this.nodes = nodes;
		this.properties = properties;
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * How many occurrences fall on each day of the range, and how many of them already
	 * have a booking.
	 */
	@Transactional(readOnly = true)
	public Preview preview(@Nullable LocalDate from, @Nullable LocalDate to, List<Long> teamIds) {
		checkRange(from, to, teamIds);
		Map<LocalDate, int[]> days = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, new int[2]);
		}
		String teams = teamIds.isEmpty() ? "" : " AND s.team_id IN (:teams)";
		JdbcClient.StatementSpec entriesQuery = this.jdbc.sql("""
				SELECT s.id, s.days_of_week, s.start_time, s.duration_minutes, s.cycle_weeks, s.cycle_start, s.weeks,
				s.valid_from, s.valid_to FROM schedule_entry s
				WHERE s.valid_from <= :to AND (s.valid_to IS NULL OR s.valid_to >= :from)""" + teams)
			.param("from", from)
			.param("to", to);
		if (!teamIds.isEmpty()) {
			entriesQuery = entriesQuery.param("teams", teamIds);
		}
		entriesQuery.query((rs) -> {
			ScheduleEntry entry = new ScheduleEntry(rs.getLong("id"), 0, 0,
					BookingGenerationJobConfiguration.days(rs.getInt("days_of_week")),
					rs.getObject("start_time", java.time.LocalTime.class), rs.getInt("duration_minutes"),
					rs.getInt("cycle_weeks"), rs.getObject("cycle_start", LocalDate.class),
					BookingGenerationJobConfiguration.weeks(rs.getInt("weeks")), 1, List.of(), null,
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), 0);
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				if (Recurrence.occursOn(entry, day)) {
					days.get(day)[0]++;
				}
			}
		});
		JdbcClient.StatementSpec bookedQuery = this.jdbc
			.sql("""
					SELECT b.occurrence_date, COUNT(*) n FROM booking b JOIN schedule_entry s ON s.id = b.schedule_entry_id
					WHERE b.occurrence_date BETWEEN :from AND :to AND b.status IN (:statuses)"""
					+ teams + " GROUP BY b.occurrence_date")
			.param("from", from)
			.param("to", to)
			.param("statuses", this.statuses.bookedStatuses());
		if (!teamIds.isEmpty()) {
			bookedQuery = bookedQuery.param("teams", teamIds);
		}
		bookedQuery.query((rs) -> {
			int[] counts = days.get(rs.getObject("occurrence_date", LocalDate.class));
			if (counts != null) {
				counts[1] = rs.getInt("n");
			}
		});
		List<PreviewDay> previewDays = new ArrayList<>();
		int occurrences = 0;
		int booked = 0;
		for (Map.Entry<LocalDate, int[]> day : days.entrySet()) {
			previewDays.add(new PreviewDay(day.getKey(), day.getValue()[0], day.getValue()[1]));
			occurrences += day.getValue()[0];
			booked += day.getValue()[1];
		}
		return new Preview(from, to, teamIds, previewDays, occurrences, booked);
	}

	/**
	 * Starts a batch over the range and teams; refused with 409 while another batch
	 * mid-creation overlaps it.
	 */
	@Transactional
	public BookingBatch start(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable List<Long> teamIds,
			@Nullable String name, boolean provisional, BatchOrigin origin, String user) {
		List<Long> teams = (teamIds != null) ? teamIds.stream().distinct().sorted().toList() : List.of();
		checkRange(from, to, teams);
		if (name != null && name.length() > 200) {
			throw new InvalidRequestException("name", "must be at most 200 characters");
		}
		return startChecked(from, to, teams, name, provisional, origin, null, user);
	}

	private BookingBatch startChecked(LocalDate from, LocalDate to, List<Long> teams, @Nullable String name,
			boolean provisional, BatchOrigin origin, @Nullable Long retryOfId, String user) {
		this.batches.lockStarts();
		refuseIfBlocked(from, to, teams, -1);
		Instant now = now();
		long id = this.batches
			.insert(new BatchRepository.NewBatch(from, to, teams, origin, provisional, retryOfId, user), now);
		String batchName = (name != null && !name.isBlank()) ? name.strip()
				: BatchNames.generate(id, from, to, teamNames(teams));
		this.batches.rename(id, batchName);
		this.timeline.statusChanged(id, null, BookingBatchStatus.PENDING, user,
				"Started for " + BatchNames.range(from, to) + " (" + BatchNames.teams(teamNames(teams)) + ")"
						+ ((origin != BatchOrigin.ADMIN) ? " from " + origin.name().toLowerCase() : ""));
		afterCommit(() -> this.launcher.start(id));
		return this.batches.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public BookingBatch get(long id) {
		return this.batches.find(id).orElseThrow(() -> new NotFoundException("Batch", id));
	}

	/**
	 * Whether a running batch has stalled: no chunk committed for stall-after, and either
	 * no live node owns it or resuming it has failed too often. A batch that keeps
	 * committing chunks has not stalled, however often it was resumed.
	 */
	public boolean stalled(BookingBatch batch) {
		if (!batch.status().isRunning()) {
			return false;
		}
		Instant limit = now().minus(this.properties.stallAfter());
		Instant last = (batch.heartbeatAt() != null) ? batch.heartbeatAt() : batch.updatedAt();
		if (!last.isBefore(limit)) {
			return false;
		}
		return batch.resumeAttempts() >= this.properties.maxResumeAttempts() || !this.nodes.isAlive(batch.ownerNode());
	}

	/** The actions the batch allows now. */
	public List<BatchAction> availableActions(BookingBatch batch) {
		return BatchStatusModel.availableActions(batch.status(), stalled(batch), batch.done(),
				batch.retriedAsId() != null);
	}

	@Transactional
	public BookingBatch confirm(long id, String user) {
		BookingBatch batch = lockFor(id, BatchAction.CONFIRM);
		if (batch.counts().selected() == 0) {
			throw refusal(batch, "Nothing to confirm: no valid entry is selected");
		}
		this.batches.lockStarts();
		refuseIfBlocked(batch.from(), batch.to(), batch.teamIds(), id);
		// The selected entries become CONFIRMED chunk by chunk as they pass the final
		// check, in the job: the request only records the decision.
		int skipped = batch.counts().valid() - batch.counts().selected();
		Instant now = now();
		this.batches.setCount(id, "skipped", skipped);
		this.batches.setCount(id, "checked", 0);
		this.batches.setCount(id, "rejected", 0);
		this.batches.transition(id, Set.of(BookingBatchStatus.VALIDATED), BookingBatchStatus.CONFIRMING, now);
		this.timeline.statusChanged(id, BookingBatchStatus.VALIDATED, BookingBatchStatus.CONFIRMING, user, "Confirmed "
				+ batch.counts().selected() + " entries" + ((skipped > 0) ? "; " + skipped + " skipped" : ""));
		afterCommit(() -> this.launcher.restart(id));
		return get(id);
	}

	@Transactional
	public BookingBatch cancel(long id, String user) {
		BookingBatch batch = lockFor(id, BatchAction.CANCEL);
		BookingBatchStatus to = BatchStatusModel.afterCancel(batch.status());
		Instant now = now();
		String message;
		if (to == BookingBatchStatus.VALIDATED) {
			this.entries.backToReview(id);
			this.batches.recount(id, now);
			this.batches.setCount(id, "skipped", 0);
			message = "Confirmation cancelled; the batch is back in review";
		}
		else if (batch.status() == BookingBatchStatus.CREATING) {
			int failed = this.entries.failRemaining(id, "Cancelled before its booking was created");
			this.batches.recount(id, now);
			message = "Cancelled while creating: " + batch.counts().created() + " bookings kept, " + failed
					+ " entries not created";
		}
		else {
			message = "Cancelled; nothing was written to the roster";
		}
		this.batches.transition(id, Set.of(batch.status()), to, now);
		this.timeline.statusChanged(id, batch.status(), to, user, message);
		// A confirmation cancelled back to review is left to run: its final check and
		// creation see the status, do nothing more and pause at the review again, so the
		// job stays restartable for the next confirm (a stop from here races with the
		// step's own updates and can leave the execution UNKNOWN).
		if (batch.status() == BookingBatchStatus.VALIDATED) {
			afterCommit(() -> this.launcher.abandon(id));
		}
		else if (to != BookingBatchStatus.VALIDATED) {
			afterCommit(() -> this.launcher.stop(id));
		}
		return get(id);
	}

	@Transactional
	public BookingBatch refresh(long id, String user) {
		lockFor(id, BatchAction.REFRESH_ENTRIES);
		this.batches.transition(id, Set.of(BookingBatchStatus.VALIDATED), BookingBatchStatus.REVALIDATING, now());
		this.timeline.statusChanged(id, BookingBatchStatus.VALIDATED, BookingBatchStatus.REVALIDATING, user,
				"Refreshing entries against today's schedules");
		long request = System.currentTimeMillis();
		afterCommit(() -> this.launcher.refresh(id, request));
		return get(id);
	}

	@Transactional
	public BookingBatch revalidate(long id, String user) {
		BookingBatch batch = lockFor(id, BatchAction.REVALIDATE_STALE);
		this.batches.transition(id, Set.of(BookingBatchStatus.VALIDATED), BookingBatchStatus.REVALIDATING, now());
		this.timeline.statusChanged(id, BookingBatchStatus.VALIDATED, BookingBatchStatus.REVALIDATING, user,
				"Revalidating " + batch.counts().stale() + " stale entries");
		long request = System.currentTimeMillis();
		afterCommit(() -> this.launcher.revalidate(id, request));
		return get(id);
	}

	@Transactional
	public BookingBatch forceComplete(long id, String user) {
		BookingBatch batch = lockFor(id, BatchAction.FORCE_COMPLETE);
		int failed = this.entries.failRemaining(id, "Force completed: the batch had stalled");
		this.batches.recount(id, now());
		this.timeline.action(id, "FORCE_COMPLETE", user,
				"Force completed after stalling; " + failed + " remaining entries marked failed");
		afterCommit(() -> this.launcher.abandon(id));
		this.jobListener.finishCreation(id, "Force completed", user);
		return get(batch.id());
	}

	@Transactional
	public BookingBatch done(long id, String user) {
		lockFor(id, BatchAction.DONE);
		this.batches.markDone(id, now());
		this.timeline.action(id, "DONE", user, "Marked as done");
		return get(id);
	}

	/**
	 * Starts a new batch over the same range and teams, linked both ways with this one.
	 */
	@Transactional
	public BookingBatch retry(long id, String user) {
		BookingBatch batch = lockFor(id, BatchAction.RETRY);
		BookingBatch retry = startChecked(batch.from(), batch.to(), batch.teamIds(), null, batch.provisional(),
				BatchOrigin.RETRY, id, user);
		this.batches.linkRetry(id, retry.id());
		this.timeline.action(id, "RETRIED", user, "Retried as batch #" + retry.id());
		this.timeline.action(retry.id(), "RETRY_OF", user, "Retry of batch #" + id + " (" + batch.name() + ")");
		return get(retry.id());
	}

	// Review edits

	@Transactional
	public BatchEntry updateEntry(long batchId, long entryId, @Nullable List<Long> carerIds, @Nullable Boolean selected,
			String user) {
		BookingBatch batch = lockFor(batchId, BatchAction.EDIT_ENTRIES);
		BatchEntry entry = this.entries.find(batchId, entryId)
			.orElseThrow(() -> new NotFoundException("Entry", entryId));
		if (carerIds != null) {
			checkCarers(entry, carerIds);
			if (!this.entries.updateCarers(entry, carerIds)) {
				throw ProblemException.conflict("The entry was changed at the same time; reload it and try again",
						Map.of("batchStatus", batch.status().name(), "availableActions", availableActions(batch)));
			}
			this.validator.validateWithNeighbours(batchId, List.of(entry.withCarers(carerIds)),
					new HashSet<>(entry.carerIds()));
			this.timeline.action(batchId, "ENTRY_EDITED", user,
					"Carers of entry " + entryId + " changed to " + (carerIds.isEmpty() ? "none" : carerIds));
			entry = this.entries.find(batchId, entryId).orElseThrow();
		}
		if (selected != null && selected != entry.selected()) {
			if (selected && entry.status() != EntryStatus.VALID) {
				throw refusal(batch,
						"Entry " + entryId + " is " + entry.status() + " and cannot be selected until it is fixed");
			}
			select(batchId, List.of(entryId), selected);
			entry = this.entries.find(batchId, entryId).orElseThrow();
		}
		return entry;
	}

	@Transactional
	public int selectEntries(long batchId, @Nullable List<Long> entryIds, @Nullable Boolean all,
			@Nullable Boolean selected, String user) {
		List<FieldError> errors = new ArrayList<>();
		if (selected == null) {
			errors.add(new FieldError("selected", "is required"));
		}
		boolean everything = Boolean.TRUE.equals(all);
		if (!everything && (entryIds == null || entryIds.isEmpty())) {
			errors.add(new FieldError("entryIds", "give entryIds or all: true"));
		}
		if (everything && entryIds != null && !entryIds.isEmpty()) {
			errors.add(new FieldError("all", "give either entryIds or all: true, not both"));
		}
		InvalidRequestException.throwIfAny(errors);
		lockFor(batchId, BatchAction.EDIT_ENTRIES);
		int updated = select(batchId, everything ? null : entryIds, selected);
		this.timeline.action(batchId, selected ? "SELECTED" : "DESELECTED", user,
				(selected ? "Selected " : "Deselected ") + updated + " entries");
		return updated;
	}

	private int select(long batchId, @Nullable List<Long> entryIds, boolean selected) {
		int updated = this.entries.setSelected(batchId, entryIds, selected);
		this.batches.addCounts(batchId, Map.of("selected", selected ? updated : -updated), now());
		return updated;
	}

	@Transactional
	public int removeEntries(long batchId, @Nullable List<Long> entryIds, @Nullable IssueCode issue, String user) {
		boolean byIds = entryIds != null && !entryIds.isEmpty();
		if (byIds == (issue != null)) {
			throw new InvalidRequestException("entryIds", "give either entryIds or issue");
		}
		lockFor(batchId, BatchAction.REMOVE_ENTRIES);
		List<Long> ids = byIds ? entryIds : this.entries.idsWithIssue(batchId, issue);
		EntryState.Deltas deltas = new EntryState.Deltas();
		Map<EntryState, Integer> before = this.entries.statesOf(batchId, ids,
				List.of(EntryStatus.PENDING, EntryStatus.VALID, EntryStatus.INVALID));
		int removed = this.entries.remove(batchId, ids);
		before.forEach((state, n) -> {
			for (int i = 0; i < n; i++) {
				deltas.change(state, new EntryState(EntryStatus.REMOVED, false, false, false));
			}
		});
		this.batches.addCounts(batchId, deltas.asMap(), now());
		this.timeline.action(batchId, "REMOVED", user,
				"Removed " + removed + " entries" + ((issue != null) ? " with issue " + issue : ""));
		return removed;
	}

	BookingBatch lockFor(long id, BatchAction action) {
		BookingBatch batch = this.batches.lock(id).orElseThrow(() -> new NotFoundException("Batch", id));
		if (!availableActions(batch).contains(action)) {
			throw refusal(batch, action.name() + " is not available while the batch is " + batch.status());
		}
		return batch;
	}

	ProblemException refusal(BookingBatch batch, String detail) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("batchStatus", batch.status().name());
		properties.put("availableActions", availableActions(batch));
		return ProblemException.conflict(detail, properties);
	}

	private void refuseIfBlocked(LocalDate from, LocalDate to, List<Long> teams, long excludeId) {
		List<BookingBatch> blocking = this.batches.findBlocking(from, to, teams, excludeId);
		if (!blocking.isEmpty()) {
			throw ProblemException.conflict(
					"Another batch is creating bookings for an overlapping range and teams: "
							+ String.join(", ", blocking.stream().map(BookingBatch::name).toList()),
					Map.of("blockingBatches",
							blocking.stream()
								.map((b) -> Map.of("id", b.id(), "name", b.name(), "status", b.status().name()))
								.toList()));
		}
	}

	private void checkRange(@Nullable LocalDate from, @Nullable LocalDate to, List<Long> teamIds) {
		List<FieldError> errors = new ArrayList<>();
		if (from == null) {
			errors.add(new FieldError("from", "is required"));
		}
		if (to == null) {
			errors.add(new FieldError("to", "is required"));
		}
		if (from != null && to != null) {
			if (to.isBefore(from)) {
				errors.add(new FieldError("to", "must not be before from"));
			}
			else if (ChronoUnit.DAYS.between(from, to) + 1 > this.properties.maxRangeDays()) {
				errors.add(new FieldError("to",
						"the range may cover at most " + this.properties.maxRangeDays() + " days"));
			}
		}
		Set<Long> known = new HashSet<>(this.jdbc.sql("SELECT id FROM team").query(Long.class).list());
		for (int i = 0; i < teamIds.size(); i++) {
			if (!known.contains(teamIds.get(i))) {
				errors.add(new FieldError("teamIds[" + i + "]", "team " + teamIds.get(i) + " does not exist"));
			}
		}
		InvalidRequestException.throwIfAny(errors);
	}

	private void checkCarers(BatchEntry entry, List<Long> carerIds) {
		List<FieldError> errors = new ArrayList<>();
		if (carerIds.size() > entry.carersRequired()) {
			errors.add(new FieldError("carerIds", "at most " + entry.carersRequired() + " carers for this visit"));
		}
		if (new HashSet<>(carerIds).size() != carerIds.size()) {
			errors.add(new FieldError("carerIds", "must not repeat a carer"));
		}
		if (!carerIds.isEmpty()) {
			Set<Long> known = new HashSet<>(this.jdbc.sql("SELECT id FROM carer WHERE id IN (:ids)")
				.param("ids", carerIds)
				.query(Long.class)
				.list());
			for (int i = 0; i < carerIds.size(); i++) {
				if (!known.contains(carerIds.get(i))) {
					errors.add(new FieldError("carerIds[" + i + "]", "carer " + carerIds.get(i) + " does not exist"));
				}
			}
		}
		InvalidRequestException.throwIfAny(errors);
	}

	List<String> teamNames(List<Long> teamIds) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT name FROM team WHERE id IN (:ids) ORDER BY name")
			.param("ids", teamIds)
			.query(String.class)
			.list();
	}

	Duration stallAfter() {
		return this.properties.stallAfter();
	}

	ZoneId zone() {
		return this.zone;
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	/** One day of the preview chart. */
	public record PreviewDay(LocalDate date, int occurrences, int alreadyBooked) {
	}

	/** The preview of a range. */
	public record Preview(LocalDate from, LocalDate to, List<Long> teamIds, List<PreviewDay> days, int totalOccurrences,
			int totalAlreadyBooked) {
	}

}
