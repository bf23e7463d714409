package org.bookingbatch.generation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants that hold for every batch after every scenario (batch-lifecycle.md).
 */
public final class BatchInvariants {

	private BatchInvariants() {
	}

	/**
	 * Checks the invariants on one snapshot of the database, so that a job committing a
	 * chunk meanwhile cannot make them look broken.
	 */
	static void assertHold(JdbcClient jdbc, TransactionTemplate transactions, long batchId) {
		TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
		snapshot.setReadOnly(true);
		snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
		snapshot.executeWithoutResult((status) -> assertHold(jdbc, batchId));
	}

	public static void assertHold(JdbcClient jdbc, long batchId) {
		List<String> columns = List.of("total", "pending", "valid", "invalid", "confirmed", "creating", "created",
				"failed", "warnings", "selected", "removed", "stale");
		var counts = jdbc
			.sql("SELECT " + String.join(", ", columns.stream().map(BatchInvariants::count).toList())
					+ " FROM booking_batch b WHERE b.id = ?")
			.param(batchId)
			.query((rs, row) -> {
				int[] values = new int[columns.size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = rs.getInt(i + 1);
				}
				return values;
			})
			.single();
		var actual = jdbc.sql("""
				SELECT COALESCE(SUM(status <> 'REMOVED'), 0), COALESCE(SUM(status = 'PENDING'), 0),
				COALESCE(SUM(status = 'VALID'), 0), COALESCE(SUM(status = 'INVALID'), 0),
				COALESCE(SUM(status = 'CONFIRMED'), 0), COALESCE(SUM(status = 'CREATING'), 0),
				COALESCE(SUM(status = 'CREATED'), 0), COALESCE(SUM(status = 'FAILED'), 0),
				COALESCE(SUM(status = 'VALID' AND has_warning), 0), COALESCE(SUM(status = 'VALID' AND selected), 0),
				COALESCE(SUM(status = 'REMOVED'), 0), COALESCE(SUM(stale AND status IN ('VALID', 'INVALID')), 0)
				FROM batch_entry WHERE batch_id = ?
				""").param(batchId).query((rs, row) -> {
			int[] values = new int[12];
			for (int i = 0; i < 12; i++) {
				values[i] = rs.getInt(i + 1);
			}
			return values;
		}).single();
		assertThat(counts).as("counts of batch %d equal its entries", batchId).containsExactly(actual);
		assertThat(counts[0]).as("total = pending + valid + invalid + confirmed + creating + created + failed")
			.isEqualTo(counts[1] + counts[2] + counts[3] + counts[4] + counts[5] + counts[6] + counts[7]);
		long bookings = jdbc.sql("SELECT COUNT(*) FROM booking WHERE batch_id = ?")
			.param(batchId)
			.query(Long.class)
			.single();
		assertThat(bookings).as("created = bookings with the batch id").isEqualTo(counts[6]);
		long orphans = jdbc.sql("""
				SELECT COUNT(*) FROM booking b WHERE b.batch_id = ? AND NOT EXISTS (SELECT 1 FROM batch_entry e
				WHERE e.batch_id = b.batch_id AND e.booking_id = b.id AND e.status = 'CREATED')
				""").param(batchId).query(Long.class).single();
		assertThat(orphans).as("every booking of the batch has a CREATED entry pointing at it").isZero();
		List<Long> createdWithoutBooking = jdbc.sql("""
				SELECT e.id FROM batch_entry e WHERE e.batch_id = ? AND e.status = 'CREATED' AND NOT EXISTS (
				SELECT 1 FROM booking b WHERE b.id = e.booking_id AND b.batch_id = e.batch_id
				AND b.schedule_entry_id = e.schedule_entry_id AND b.occurrence_date = e.occurrence_date)
				""").param(batchId).query(Long.class).list();
		assertThat(createdWithoutBooking).as("every CREATED entry points at its booking").isEmpty();
		List<Long> failedWithoutError = jdbc
			.sql("SELECT id FROM batch_entry WHERE batch_id = ? AND status = 'FAILED' AND error IS NULL")
			.param(batchId)
			.query(Long.class)
			.list();
		assertThat(failedWithoutError).as("every FAILED entry says why").isEmpty();
		// carer_ids and the carer rows of an entry are written together: an entry is
		// never half-changed
		List<String> carerMismatches = jdbc.sql("""
				SELECT CONCAT(e.id, ': ', e.carer_ids, ' vs ', COALESCE(GROUP_CONCAT(c.carer_id ORDER BY c.slot), ''))
				FROM batch_entry e LEFT JOIN batch_entry_carer c ON c.entry_id = e.id
				WHERE e.batch_id = ? AND e.status <> 'REMOVED' GROUP BY e.id, e.carer_ids
				HAVING e.carer_ids <> COALESCE(GROUP_CONCAT(c.carer_id ORDER BY c.slot), '')
				""").param(batchId).query(String.class).list();
		assertThat(carerMismatches).as("carer_ids of each entry equal its carer rows").isEmpty();
		long foreignCarerRows = jdbc.sql("""
				SELECT COUNT(*) FROM batch_entry_carer c JOIN batch_entry e ON e.id = c.entry_id
				WHERE e.batch_id = ? AND (c.batch_id <> e.batch_id OR e.status = 'REMOVED')
				""").param(batchId).query(Long.class).single();
		assertThat(foreignCarerRows).as("carer rows belong to live entries of their batch").isZero();
		long duplicates = jdbc
			.sql("""
					SELECT COUNT(*) FROM (SELECT schedule_entry_id, occurrence_date FROM booking WHERE schedule_entry_id IS NOT NULL
					GROUP BY schedule_entry_id, occurrence_date HAVING COUNT(*) > 1) d
					""")
			.query(Long.class)
			.single();
		assertThat(duplicates).as("no occurrence is booked twice").isZero();
	}

	/**
	 * A count of the batch {@code b} as its API shows it: the batch row's own plus the
	 * shards of the partitions of a step under way.
	 */
	public static String count(String column) {
		return "(b.%1$s + (SELECT COALESCE(SUM(s.%1$s), 0) FROM booking_batch_shard s WHERE s.batch_id = b.id))"
			.formatted(column);
	}

}
