package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch creates bookings in the live status their allocation gives, or provisional when
 * started so, and writes their creation into the history.
 */
class BatchCreatedBookingsIntegrationTests extends LifecycleIntegrationTestSupport {

	LocalDate monday = LocalDate.now().plusWeeks(2).with(DayOfWeek.MONDAY);

	long allocated;

	long partial;

	long open;

	@BeforeEach
	void scheduleEntries() {
		this.allocated = entry(this.bob, "08:00", 1, this.ann);
		this.partial = entry(this.bob, "10:00", 2, this.cal);
		this.open = entry(this.eve, "12:00", 1);
	}

	@Test
	void aBatchCreatesBookingsInTheLiveStatusOfTheirAllocationWithTheirCreationInTheHistory() {
		// when
		long batch = runBatch(this.monday, false);
		// then
		Map<Long, String> statuses = statusesByEntry(batch);
		assertThat(statuses).containsEntry(this.allocated, "dispatched")
			.containsEntry(this.partial, "partially_dispatched")
			.containsEntry(this.open, "to_be_dispatched");
		List<Long> bookings = bookingsOf(batch);
		assertThat(bookings).hasSize(3);
		for (long booking : bookings) {
			JsonNode history = history(booking);
			assertThat(history).hasSize(1);
			assertThat(history.get(0).get("from").isNull()).isTrue();
			assertThat(history.get(0).get("to").asString()).isEqualTo(status(booking));
			assertThat(history.get(0).get("actor").asString()).isEqualTo("coordinator");
			assertThat(history.get(0).get("reason").asString()).isEqualTo("Created by batch #" + batch);
		}
	}

	@Test
	void aProvisionalBatchCreatesProvisionalBookingsThatArePublishedByAllocation() {
		// when
		long batch = runBatch(this.monday.plusDays(1), true);
		// then
		assertThat(statusesByEntry(batch).values()).containsOnly("provisional");
		long booking = bookingOf(batch, this.partial);
		assertThat(fire("coordinator", booking, "publish", "{}").json().get("status").asString())
			.isEqualTo("partially_dispatched");
		assertThat(transitions(booking)).containsExactly("created", "publish");
	}

	private long entry(long clientId, String time, int carersRequired, long... carerIds) {
		this.data.update("""
				INSERT INTO schedule_entry (client_id, team_id, days_of_week, start_time, duration_minutes, cycle_weeks,
				cycle_start, weeks, carers_required, valid_from) VALUES (?, ?, 127, ?, 30, 1, ?, 1, ?, ?)
				""", clientId, this.north, time, this.monday.minusWeeks(1), carersRequired, this.monday.minusWeeks(1));
		long id = this.jdbc.sql("SELECT MAX(id) FROM schedule_entry").query(Long.class).single();
		for (int slot = 0; slot < carerIds.length; slot++) {
			this.data.update("INSERT INTO schedule_entry_carer (schedule_entry_id, slot, carer_id) VALUES (?, ?, ?)",
					id, slot + 1, carerIds[slot]);
		}
		return id;
	}

	private long runBatch(LocalDate day, boolean provisional) {
		Api.Response started = this.api.post("coordinator", "/api/booking-batches",
				"{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"provisional\":" + provisional + "}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		long id = started.json().get("id").asLong();
		awaitStatus(id, "VALIDATED");
		assertThat(this.api.post("coordinator", "/api/booking-batches/" + id + "/confirm", "").status()).isEqualTo(202);
		awaitStatus(id, "COMPLETED");
		return id;
	}

	private void awaitStatus(long id, String status) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			JsonNode batch = this.api.get("viewer", "/api/booking-batches/" + id).json();
			assertThat(batch.get("status").asString()).isEqualTo(status);
		});
	}

	private Map<Long, String> statusesByEntry(long batchId) {
		return this.jdbc.sql("SELECT schedule_entry_id, status FROM booking WHERE batch_id = ?")
			.param(batchId)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private List<Long> bookingsOf(long batchId) {
		return this.jdbc.sql("SELECT id FROM booking WHERE batch_id = ?").param(batchId).query(Long.class).list();
	}

	private long bookingOf(long batchId, long entryId) {
		return this.jdbc.sql("SELECT id FROM booking WHERE batch_id = ? AND schedule_entry_id = ?")
			.params(batchId, entryId)
			.query(Long.class)
			.single();
	}

}
