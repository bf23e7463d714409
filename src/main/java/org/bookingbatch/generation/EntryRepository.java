package org.bookingbatch.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.bookingbatch.booking.BookingCandidate;
import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.booking.Severity;
import org.bookingbatch.booking.ValidationIssue;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

/**
 * Batch entries. Writers work on whole chunks: multi-row inserts and batched updates,
 * never a query per entry.
 */
@Repository
class EntryRepository {

	private static final java.time.format.DateTimeFormatter DATETIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(java.time.ZoneOffset.UTC);

	private static final TypeReference<List<IssueJson>> ISSUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	EntryRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = JsonMapper.builder().build();
	}

	/**
	 * Inserts drafted entries as PENDING, with their carer slots: one multi-row insert
	 * for the entries, and one INSERT ... SELECT that splits their carer lists into
	 * slots.
	 */
	void insert(long batchId, List<EntryDraft> drafts) {
		insert(prepareInsert(batchId, drafts));
	}

	/**
	 * The multi-row insert of drafted entries, written out ahead: a writer prepares it
	 * before it takes the batch's lock, which is then held for the database's work alone.
	 * The statement's values are ids, counts, dates and times formatted here; no text
	 * from a request goes into it.
	 */
	PreparedInsert prepareInsert(long batchId, List<EntryDraft> drafts) {
		StringBuilder sql = new StringBuilder(100 + drafts.size() * 160);
		sql.append("""
				INSERT INTO batch_entry (batch_id, schedule_entry_id, schedule_version, client_id, team_id,
				occurrence_date, starts_at, ends_at, carers_required, carer_ids, service_contract_id, status) VALUES
				""");
		java.util.Set<Long> withCarers = new java.util.HashSet<>();
		String separator = "";
		for (EntryDraft draft : drafts) {
			sql.append(separator)
				.append('(')
				.append(batchId)
				.append(',')
				.append(draft.scheduleEntryId())
				.append(',')
				.append(draft.scheduleVersion())
				.append(',')
				.append(draft.clientId())
				.append(',')
				.append(draft.teamId())
				.append(",'")
				.append(draft.occurrenceDate())
				.append("','");
			appendUtc(sql, draft.startsAt());
			sql.append("','");
			appendUtc(sql, draft.endsAt());
			sql.append("',").append(draft.carersRequired()).append(",'").append(joinIds(draft.carerIds())).append("',");
			sql.append((draft.serviceContractId() != null) ? draft.serviceContractId().toString() : "NULL");
			sql.append(",'PENDING')");
			separator = ",\n";
			if (!draft.carerIds().isEmpty()) {
				withCarers.add(draft.scheduleEntryId());
			}
		}
		return new PreparedInsert(batchId, drafts.isEmpty() ? null : sql.toString(), withCarers);
	}

	/** Runs a prepared insert of entries and adds their carer slots. */
	void insert(PreparedInsert insert) {
		if (insert.sql() == null) {
			return;
		}
		this.template.update(insert.sql());
		if (!insert.scheduleEntryIdsWithCarers().isEmpty()) {
			this.jdbc
				.sql("""
						INSERT INTO batch_entry_carer (entry_id, slot, batch_id, carer_id, starts_at, ends_at)
						SELECT e.id, n.slot, e.batch_id,
						CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(e.carer_ids, ',', n.slot), ',', -1) AS UNSIGNED),
						e.starts_at, e.ends_at
						FROM batch_entry e JOIN (SELECT 1 AS slot UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) n
						ON n.slot <= LENGTH(e.carer_ids) - LENGTH(REPLACE(e.carer_ids, ',', '')) + 1
						WHERE e.batch_id = :batchId AND e.schedule_entry_id IN (:ids) AND e.carer_ids <> ''
						AND NOT EXISTS (SELECT 1 FROM batch_entry_carer x WHERE x.entry_id = e.id)
						""")
				.param("batchId", insert.batchId())
				.param("ids", insert.scheduleEntryIdsWithCarers())
				.update();
		}
	}

	/**
	 * The UTC date and time as a DATETIME literal's text (the session's time zone is
	 * UTC).
	 */
	private static void appendUtc(StringBuilder sql, Instant instant) {
		DATETIME.formatTo(instant, sql);
	}

	private void insertCarers(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.template.batchUpdate("""
					INSERT INTO batch_entry_carer (entry_id, slot, batch_id, carer_id, starts_at, ends_at)
					VALUES (?, ?, ?, ?, ?, ?)
					""", rows);
		}
	}

	Optional<BatchEntry> find(long batchId, long entryId) {
		return this.jdbc.sql("SELECT * FROM batch_entry WHERE id = :id AND batch_id = :batchId AND status <> 'REMOVED'")
			.param("id", entryId)
			.param("batchId", batchId)
			.query(this::map)
			.optional();
	}

	List<BatchEntry> findAll(long batchId, Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT * FROM batch_entry WHERE batch_id = :batchId AND id IN (:ids) ORDER BY id")
			.param("batchId", batchId)
			.param("ids", entryIds)
			.query(this::map)
			.list();
	}

	/**
	 * Entries of the batch in the given statuses after {@code afterId}, in id order
	 * (keyset paging).
	 */
	List<BatchEntry> findAfter(long batchId, Collection<EntryStatus> statuses, long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM batch_entry WHERE batch_id = :batchId AND status IN (:statuses) AND id > :afterId
				ORDER BY id LIMIT :limit
				""")
			.param("batchId", batchId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("afterId", afterId)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * A page of the batch's entries, removed ones excluded, by start time.
	 * @param batch the batch as just read: its counts give the total of a list filtered
	 * by status alone
	 */
	PageResponse<BatchEntry> page(BookingBatch batch, EntryFilter filter, PageParams page) {
		long batchId = batch.id();
		StringBuilder where = new StringBuilder(" WHERE e.batch_id = :batchId AND e.status <> 'REMOVED'");
		Map<String, Object> params = new HashMap<>();
		params.put("batchId", batchId);
		if (!filter.statuses().isEmpty()) {
			where.append(" AND e.status IN (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.issue() != null) {
			where.append(" AND e.issue_codes LIKE :issue");
			params.put("issue", "%," + filter.issue().name() + ",%");
		}
		if (filter.clientId() != null) {
			where.append(" AND e.client_id = :clientId");
			params.put("clientId", filter.clientId());
		}
		if (filter.carerId() != null) {
			where.append(
					" AND EXISTS (SELECT 1 FROM batch_entry_carer c WHERE c.entry_id = e.id AND c.carer_id = :carerId)");
			params.put("carerId", filter.carerId());
		}
		if (filter.stale() != null) {
			where.append(" AND e.stale = :stale");
			params.put("stale", filter.stale());
		}
		if (filter.selected() != null) {
			where.append(" AND e.selected = :selected");
			params.put("selected", filter.selected());
		}
		boolean byStatusAlone = filter.issue() == null && filter.clientId() == null && filter.carerId() == null
				&& filter.stale() == null && filter.selected() == null;
		// the batch's counts, kept in step with its entries, spare counting
		// a large batch's entries on every page
		long total = byStatusAlone ? batch.counts().inStatuses(filter.statuses())
				: this.jdbc.sql("SELECT COUNT(*) FROM batch_entry e" + where).params(params).query(Long.class).single();
		List<BatchEntry> content = this.jdbc
			.sql("SELECT e.* FROM batch_entry e" + where + " ORDER BY e.starts_at, e.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return PageResponse.of(content, page, total);
	}

	/**
	 * Writes validation results; the entries become VALID (selected unless deselected
	 * before) or INVALID. Results that are alike (a clean entry, an unallocated one) are
	 * written by one statement per kind, so a chunk takes a handful of statements rather
	 * than one per entry.
	 */
	void applyResults(List<ValidationResult> results) {
		Map<List<Object>, List<Long>> groups = new java.util.LinkedHashMap<>();
		for (ValidationResult result : results) {
			List<Object> values = java.util.Arrays.asList(result.status().name(), result.selected(), result.warning(),
					issueCodes(result.issues()), toJson(result.issues()));
			groups.computeIfAbsent(values, (key) -> new ArrayList<>()).add(result.entryId());
		}
		groups.forEach((values, ids) -> this.jdbc.sql("""
				UPDATE batch_entry SET status = :status, selected = :selected, has_warning = :warning, stale = FALSE,
				issue_codes = :codes, issues = :issues, version = version + 1 WHERE id IN (:ids)
				""")
			.param("status", values.get(0))
			.param("selected", values.get(1))
			.param("warning", values.get(2))
			.param("codes", values.get(3))
			.param("issues", values.get(4))
			.param("ids", ids)
			.update());
	}

	/**
	 * Sets the status of entries (and clears their stale flag when they are re-checked).
	 */
	int setStatus(long batchId, Collection<Long> entryIds, EntryStatus from, EntryStatus to) {
		if (entryIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE batch_entry SET status = :to, version = version + 1
				WHERE batch_id = :batchId AND id IN (:ids) AND status = :from
				""")
			.param("to", to.name())
			.param("batchId", batchId)
			.param("ids", entryIds)
			.param("from", from.name())
			.update();
	}

	/**
	 * Ends a confirmation that does not go on to creation (the final check rejected
	 * entries, or it was cancelled): the entries that passed the check go back to VALID,
	 * those it rejected are no longer selected.
	 */
	void backToReview(long batchId) {
		this.jdbc
			.sql("UPDATE batch_entry SET status = 'VALID', version = version + 1"
					+ " WHERE batch_id = :batchId AND status = 'CONFIRMED'")
			.param("batchId", batchId)
			.update();
		this.jdbc.sql("""
				UPDATE batch_entry SET selected = FALSE, version = version + 1
				WHERE batch_id = :batchId AND status = 'INVALID' AND selected
				""").param("batchId", batchId).update();
	}

	int failRemaining(long batchId, String error) {
		return this.jdbc.sql("""
				UPDATE batch_entry SET status = 'FAILED', error = :error, version = version + 1
				WHERE batch_id = :batchId AND status IN ('CONFIRMED', 'CREATING')
				""").param("error", error).param("batchId", batchId).update();
	}

	/** Replaces an entry's carers if nobody changed the entry since it was read. */
	boolean updateCarers(BatchEntry entry, List<Long> carerIds) {
		int updated = this.jdbc.sql("""
				UPDATE batch_entry SET carer_ids = :carerIds, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("carerIds", joinIds(carerIds))
			.param("id", entry.id())
			.param("version", entry.version())
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("DELETE FROM batch_entry_carer WHERE entry_id = :id").param("id", entry.id()).update();
		List<Object[]> rows = new ArrayList<>();
		for (int slot = 0; slot < carerIds.size(); slot++) {
			rows.add(new Object[] { entry.id(), slot + 1, entry.batchId(), carerIds.get(slot),
					Timestamp.from(entry.startsAt()), Timestamp.from(entry.endsAt()) });
		}
		insertCarers(rows);
		return true;
	}

	/**
	 * Counts the entries of the batch by their count-relevant state, optionally only the
	 * given ids.
	 */
	Map<EntryState, Integer> statesOf(long batchId, @Nullable Collection<Long> entryIds,
			@Nullable Collection<EntryStatus> statuses) {
		StringBuilder sql = new StringBuilder("""
				SELECT status, selected, has_warning, stale, COUNT(*) n FROM batch_entry WHERE batch_id = :batchId
				""");
		Map<String, Object> params = new HashMap<>();
		params.put("batchId", batchId);
		if (entryIds != null) {
			if (entryIds.isEmpty()) {
				return Map.of();
			}
			sql.append(" AND id IN (:ids)");
			params.put("ids", entryIds);
		}
		if (statuses != null) {
			sql.append(" AND status IN (:statuses)");
			params.put("statuses", statuses.stream().map(Enum::name).toList());
		}
		sql.append(" GROUP BY status, selected, has_warning, stale");
		Map<EntryState, Integer> states = new HashMap<>();
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			states.put(new EntryState(EntryStatus.valueOf(rs.getString("status")), rs.getBoolean("selected"),
					rs.getBoolean("has_warning"), rs.getBoolean("stale")), rs.getInt("n"));
		});
		return states;
	}

	/** Ids of the batch's entries carrying an issue code, in the given statuses. */
	List<Long> idsWithIssue(long batchId, IssueCode code) {
		return this.jdbc.sql("""
				SELECT id FROM batch_entry WHERE batch_id = :batchId AND status IN ('VALID', 'INVALID')
				AND issue_codes LIKE :issue
				""").param("batchId", batchId).param("issue", "%," + code.name() + ",%").query(Long.class).list();
	}

	int setSelected(long batchId, @Nullable Collection<Long> entryIds, boolean selected) {
		String sql = "UPDATE batch_entry SET selected = :selected, version = version + 1"
				+ " WHERE batch_id = :batchId AND status = 'VALID' AND selected <> :selected"
				+ ((entryIds != null) ? " AND id IN (:ids)" : "");
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql).param("selected", selected).param("batchId", batchId);
		if (entryIds != null) {
			if (entryIds.isEmpty()) {
				return 0;
			}
			spec = spec.param("ids", entryIds);
		}
		return spec.update();
	}

	int remove(long batchId, Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return 0;
		}
		int removed = this.jdbc.sql("""
				UPDATE batch_entry SET status = 'REMOVED', selected = FALSE, version = version + 1
				WHERE batch_id = :batchId AND id IN (:ids) AND status IN ('PENDING', 'VALID', 'INVALID')
				""").param("batchId", batchId).param("ids", entryIds).update();
		// only the carer rows of this batch's removed entries: the ids come from the
		// request
		this.jdbc.sql("""
				DELETE c FROM batch_entry_carer c JOIN batch_entry e ON e.id = c.entry_id
				WHERE e.batch_id = :batchId AND e.id IN (:ids) AND e.status = 'REMOVED'
				""").param("batchId", batchId).param("ids", entryIds).update();
		return removed;
	}

	/**
	 * Flags the entries that depend on changed care-model records. The batches are locked
	 * first (the order every writer of entries keeps), then their entries flagged and
	 * their stale counts set.
	 */
	List<Long> flagStale(Collection<Long> clientIds, Collection<Long> carerIds, Collection<Long> scheduleEntryIds) {
		List<Long> noIds = List.of(-1L);
		Map<String, Object> params = Map.of("clients", clientIds.isEmpty() ? noIds : clientIds, "carers",
				carerIds.isEmpty() ? noIds : carerIds, "entries",
				scheduleEntryIds.isEmpty() ? noIds : scheduleEntryIds);
		String affected = """
				e.status IN ('VALID', 'INVALID') AND e.stale = FALSE AND (e.client_id IN (:clients)
				OR e.schedule_entry_id IN (:entries) OR e.id IN (SELECT c.entry_id FROM batch_entry_carer c
				WHERE c.carer_id IN (:carers) AND c.batch_id = e.batch_id))
				""";
		List<Long> batches = this.jdbc
			.sql("""
					SELECT DISTINCT e.batch_id FROM batch_entry e JOIN booking_batch b ON b.id = e.batch_id
					WHERE b.status IN ('VALIDATING', 'VALIDATED', 'REVALIDATING') AND\s""" + affected
					+ " ORDER BY e.batch_id")
			.params(params)
			.query(Long.class)
			.list();
		for (Long batchId : batches) {
			this.jdbc.sql("SELECT id FROM booking_batch WHERE id = :id FOR UPDATE")
				.param("id", batchId)
				.query(Long.class)
				.list();
			this.jdbc.sql("UPDATE batch_entry e SET e.stale = TRUE WHERE e.batch_id = :batchId AND " + affected)
				.params(params)
				.param("batchId", batchId)
				.update();
			// the batch row's share: what the shards of a validate step under way do not
			// count
			this.jdbc.sql("""
					UPDATE booking_batch SET stale = (SELECT COUNT(*) FROM batch_entry
					WHERE batch_id = :batchId AND stale AND status IN ('VALID', 'INVALID'))
					- (SELECT COALESCE(SUM(stale), 0) FROM booking_batch_shard WHERE batch_id = :batchId)
					WHERE id = :batchId
					""").param("batchId", batchId).update();
		}
		return batches;
	}

	/**
	 * Other entries of the batch that involve the carers or clients within the window.
	 */
	List<BookingCandidate> peers(long batchId, Peers scope, Collection<Long> carerIds, Collection<Long> clientIds,
			Instant from, Instant to) {
		List<BookingCandidate> peers = new ArrayList<>();
		// No visit is longer than the engine's longest: the lower bound keeps each
		// carer's
		// and client's index range to the window instead of everything before it.
		Instant earliest = from.minus(org.bookingbatch.booking.ValidationEngine.MAX_VISIT_LENGTH);
		if (!carerIds.isEmpty()) {
			peers.addAll(this.jdbc.sql("SELECT " + CANDIDATE_COLUMNS + """
					\sFROM batch_entry e WHERE e.id IN (SELECT c.entry_id FROM batch_entry_carer c
					WHERE c.batch_id = :batchId AND c.carer_id IN (:carers) AND c.starts_at >= :earliest
					AND c.starts_at < :to AND c.ends_at > :from)
					AND\s""" + scope.condition)
				.param("batchId", batchId)
				.param("carers", carerIds)
				.param("earliest", Timestamp.from(earliest))
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query(EntryRepository::candidate)
				.list());
		}
		if (!clientIds.isEmpty()) {
			peers.addAll(this.jdbc.sql("SELECT " + CANDIDATE_COLUMNS + """
					\sFROM batch_entry e WHERE e.batch_id = :batchId AND e.client_id IN (:clients)
					AND e.starts_at >= :earliest AND e.starts_at < :to AND e.ends_at > :from AND\s""" + scope.condition)
				.param("batchId", batchId)
				.param("clients", clientIds)
				.param("earliest", Timestamp.from(earliest))
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query(EntryRepository::candidate)
				.list());
		}
		return peers;
	}

	/** Which other entries of the batch a validation checks against. */
	enum Peers {

		/** Entries that may still become bookings compete with each other. */
		REVIEW("e.status IN ('PENDING', 'VALID', 'INVALID', 'CONFIRMED')"),

		/**
		 * At the final check, the entries the user confirmed: those still to check
		 * (selected VALID), those that passed (CONFIRMED) and those that failed (INVALID,
		 * still selected until the check ends). Two clashing entries then both fail,
		 * whichever partition checks first.
		 */
		CONFIRMATION("(e.status = 'CONFIRMED' OR (e.status IN ('VALID', 'INVALID') AND e.selected))"),

		/** The entries under review whose result an edit can change. */
		UNDER_REVIEW("e.status IN ('VALID', 'INVALID')");

		private final String condition;

		Peers(String condition) {
			this.condition = condition;
		}

	}

	/** What the validation of other entries needs of an entry, in candidate(). */
	private static final String CANDIDATE_COLUMNS = """
			e.id, e.client_id, e.team_id, e.schedule_entry_id, e.occurrence_date, e.starts_at, e.ends_at,
			e.carers_required, e.carer_ids, e.service_contract_id""";

	/** Maps the CANDIDATE_COLUMNS: peers are read by the hundred thousand. */
	private static BookingCandidate candidate(ResultSet rs, int row) throws SQLException {
		return new BookingCandidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
				rs.getObject(5, LocalDate.class), BatchRepository.instant(rs, 6), BatchRepository.instant(rs, 7),
				rs.getInt(8), parseIds(rs.getString(9)), BatchRepository.nullableLong(rs, 10));
	}

	/**
	 * The columns the batch steps read entries with: all but the issues, which the steps
	 * work out again rather than read.
	 */
	static final String STEP_COLUMNS = """
			e.id, e.batch_id, e.schedule_entry_id, e.schedule_version, e.client_id, e.team_id, e.occurrence_date,
			e.starts_at, e.ends_at, e.carers_required, e.carer_ids, e.service_contract_id, e.status, e.selected,
			e.stale, e.has_warning, e.booking_id, e.error, e.version""";

	/** Maps the STEP_COLUMNS by position, with no issues. */
	static BatchEntry mapStepColumns(ResultSet rs, int row) throws SQLException {
		return new BatchEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
				rs.getObject(7, LocalDate.class), BatchRepository.instant(rs, 8), BatchRepository.instant(rs, 9),
				rs.getInt(10), parseIds(rs.getString(11)), BatchRepository.nullableLong(rs, 12),
				EntryStatus.valueOf(rs.getString(13)), rs.getBoolean(14), rs.getBoolean(15), rs.getBoolean(16),
				List.of(), bookingId(rs.getLong(17)), rs.getString(18), rs.getLong(19));
	}

	BatchEntry map(ResultSet rs, int row) throws SQLException {
		return new BatchEntry(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("schedule_entry_id"),
				rs.getLong("schedule_version"), rs.getLong("client_id"), rs.getLong("team_id"),
				rs.getObject("occurrence_date", LocalDate.class), BatchRepository.instant(rs, "starts_at"),
				BatchRepository.instant(rs, "ends_at"), rs.getInt("carers_required"),
				parseIds(rs.getString("carer_ids")), BatchRepository.nullableLong(rs, "service_contract_id"),
				EntryStatus.valueOf(rs.getString("status")), rs.getBoolean("selected"), rs.getBoolean("stale"),
				rs.getBoolean("has_warning"), fromJson(rs.getString("issues")), bookingId(rs.getLong("booking_id")),
				rs.getString("error"), rs.getLong("version"));
	}

	/** An entry's booking: the column holds 0 until there is one (V34). */
	private static @Nullable Long bookingId(long column) {
		return (column != 0) ? column : null;
	}

	static String joinIds(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	static List<Long> parseIds(@Nullable String ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
	}

	static String issueCodes(List<ValidationIssue> issues) {
		if (issues.isEmpty()) {
			return "";
		}
		return issues.stream()
			.map((issue) -> issue.code().name())
			.distinct()
			.collect(Collectors.joining(",", ",", ","));
	}

	private @Nullable String toJson(List<ValidationIssue> issues) {
		if (issues.isEmpty()) {
			return null;
		}
		return this.json.writeValueAsString(
				issues.stream().map((i) -> new IssueJson(i.code().name(), i.severity().name(), i.message())).toList());
	}

	private List<ValidationIssue> fromJson(@Nullable String issues) {
		if (issues == null || issues.isEmpty()) {
			return List.of();
		}
		return this.json.readValue(issues, ISSUES)
			.stream()
			.map((i) -> new ValidationIssue(IssueCode.valueOf(i.code()), Severity.valueOf(i.severity()), i.message()))
			.toList();
	}

	record IssueJson(String code, String severity, String message) {
	}

	/**
	 * An insert of drafted entries, written out and ready to run.
	 *
	 * @param batchId the batch
	 * @param sql the multi-row insert, or null when there is nothing to insert
	 * @param scheduleEntryIdsWithCarers the schedule entries whose entries have carers
	 */
	record PreparedInsert(long batchId, @Nullable String sql, java.util.Set<Long> scheduleEntryIdsWithCarers) {
	}

	/** The outcome of validating one entry. */
	record ValidationResult(long entryId, EntryStatus status, boolean selected, boolean warning,
			List<ValidationIssue> issues) {
	}

	/** Filters of the entries list. */
	record EntryFilter(List<EntryStatus> statuses, @Nullable IssueCode issue, @Nullable Long clientId,
			@Nullable Long carerId, @Nullable Boolean stale, @Nullable Boolean selected) {
	}

}
