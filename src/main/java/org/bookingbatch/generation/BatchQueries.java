package org.bookingbatch.generation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

/**
 * Read-only queries for pages that show batches to people: lists, entries, timelines,
 * progress, and the names of the teams, clients and carers the entries refer to.
 */
@Component
public class BatchQueries {

	private final BatchRepository batches;

	private final EntryRepository entries;

	private final BatchTimeline timeline;

	private final JdbcClient jdbc;

	BatchQueries(BatchRepository batches, EntryRepository entries, BatchTimeline timeline, JdbcClient jdbc) {
		this.batches = batches;
		this.entries = entries;
		this.timeline = timeline;
		this.jdbc = jdbc;
	}

	/**
	 * A page of batches, newest first.
	 * @param statuses the statuses to list; empty lists every status
	 * @param includeDone whether acknowledged (DONE) batches are listed too
	 */
	@Transactional(readOnly = true)
	public PageResponse<BookingBatch> batches(List<BookingBatchStatus> statuses, boolean includeDone, PageParams page) {
		return this.batches.page(statuses, includeDone, page);
	}

	/** A page of the batch's entries (removed ones excluded), by start time. */
	@Transactional(readOnly = true)
	public PageResponse<BatchEntry> entries(BookingBatch batch, EntryQuery query, PageParams page) {
		return this.entries.page(batch, new EntryRepository.EntryFilter(query.statuses(), query.issue(),
				query.clientId(), query.carerId(), query.stale(), query.selected()), page);
	}

	/** The batch's timeline, oldest first. */
	public List<TimelineItem> timeline(long batchId) {
		return this.timeline.of(batchId)
			.stream()
			.map((e) -> new TimelineItem(e.at(), e.type(), e.fromStatus(), e.toStatus(), e.actor(), e.message()))
			.toList();
	}

	/** The progress of the batch's running phase, as the API reports it. */
	public static Progress progress(BookingBatch batch) {
		BatchViews.Progress progress = BatchViews.Progress.of(batch);
		return new Progress(progress.phase(), progress.done(), progress.total(), progress.percent());
	}

	/** Every team, by name. */
	public List<Named> teams() {
		return this.jdbc.sql("SELECT id, name FROM team ORDER BY name, id")
			.query((rs, row) -> new Named(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/** The names of the given teams. */
	public Map<Long, String> teamNames(Collection<Long> ids) {
		return names("team", ids);
	}

	/** The names of the given clients. */
	public Map<Long, String> clientNames(Collection<Long> ids) {
		return names("client", ids);
	}

	/** The names of the given carers. */
	public Map<Long, String> carerNames(Collection<Long> ids) {
		return names("carer", ids);
	}

	/** The clients that have entries in the batch, by name. */
	public List<Named> clientsOf(long batchId) {
		return this.jdbc.sql("""
				SELECT c.id, c.name FROM client c WHERE c.id IN
				(SELECT e.client_id FROM batch_entry e WHERE e.batch_id = :batchId AND e.status <> 'REMOVED')
				ORDER BY c.name, c.id
				""")
			.param("batchId", batchId)
			.query((rs, row) -> new Named(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/** The carers allocated to entries of the batch, by name. */
	public List<Named> carersOf(long batchId) {
		return this.jdbc.sql("""
				SELECT c.id, c.name FROM carer c WHERE c.id IN
				(SELECT a.carer_id FROM batch_entry_carer a WHERE a.batch_id = :batchId)
				ORDER BY c.name, c.id
				""")
			.param("batchId", batchId)
			.query((rs, row) -> new Named(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/**
	 * The active carers of each of the given teams, by name: who an entry may be given.
	 */
	public Map<Long, List<Named>> activeCarersOfTeams(Collection<Long> teamIds) {
		Map<Long, List<Named>> carers = new LinkedHashMap<>();
		if (teamIds.isEmpty()) {
			return carers;
		}
		teamIds.forEach((teamId) -> carers.put(teamId, new ArrayList<>()));
		this.jdbc.sql("""
				SELECT t.team_id, c.id, c.name FROM carer c JOIN carer_team t ON t.carer_id = c.id
				WHERE c.active AND t.team_id IN (:teams) ORDER BY c.name, c.id
				""").param("teams", teamIds).query((rs) -> {
			carers.get(rs.getLong("team_id")).add(new Named(rs.getLong("id"), rs.getString("name")));
		});
		return carers;
	}

	private Map<Long, String> names(String table, Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, name FROM " + table + " WHERE id IN (:ids)").param("ids", ids).query((rs) -> {
			names.put(rs.getLong("id"), rs.getString("name"));
		});
		return names;
	}

	/**
	 * Filters of the entries list; null or empty means no filter.
	 */
	public record EntryQuery(List<EntryStatus> statuses, @Nullable IssueCode issue, @Nullable Long clientId,
			@Nullable Long carerId, @Nullable Boolean stale, @Nullable Boolean selected) {
	}

	/** One event of a batch's timeline. */
	public record TimelineItem(Instant at, String type, @Nullable String fromStatus, @Nullable String toStatus,
			String actor, @Nullable String message) {
	}

	/**
	 * The progress of the running phase: {@code percent} is null while the total is not
	 * known yet.
	 */
	public record Progress(String phase, int done, int total, @Nullable Integer percent) {
	}

	/** A record's id and name. */
	public record Named(long id, String name) {
	}

}
