package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchdog on one node, with the clock moved by the test: a batch whose node died
 * mid-creation and whose resume keeps failing ends up stalled, and only then offers
 * FORCE_COMPLETE.
 */
class BatchWatchdogIntegrationTests extends OperationsIntegrationTestSupport {

	private static final Duration STALL_AFTER = Duration.ofMinutes(2);

	@Autowired
	BatchRecovery recovery;

	@Autowired
	BatchService service;

	@Autowired
	BatchJobLauncher launcher;

	@Test
	void resumingThatKeepsFailingLeavesTheBatchStalledWithForceComplete() {
		// given: a batch whose node died while creating, two bookings short, and whose
		// job cannot be restarted any more
		long id = batchLeftCreatingByADeadNode();

		// when: the watchdog takes it over, and its resume fails
		this.recovery.watchdog();

		// then
		assertThat(resumeAttempts(id)).isEqualTo(1);
		assertThat(timelineTypes(id)).containsSubsequence("RECOVERY_FAILED");
		JsonNode batch = this.http.get("viewer", "/api/booking-batches/" + id).json();
		assertThat(batch.get("stalled").asBoolean()).isFalse();
		assertThat(batch.get("availableActions").toString()).doesNotContain("FORCE_COMPLETE");
		assertThat(this.http.post("coordinator", "/api/booking-batches/" + id + "/force-complete", "").status())
			.isEqualTo(409);

		// when: nothing happens for stall-after, twice more
		for (int attempt = 2; attempt <= 3; attempt++) {
			this.clock.advance(STALL_AFTER.plusSeconds(1));
			this.recovery.watchdog();
			assertThat(resumeAttempts(id)).isEqualTo(attempt);
		}
		this.clock.advance(STALL_AFTER.plusSeconds(1));
		this.recovery.watchdog();
		this.recovery.watchdog();

		// then: it is left alone, stalled, and FORCE_COMPLETE is offered
		assertThat(resumeAttempts(id)).isEqualTo(3);
		assertThat(timelineTypes(id)).filteredOn("RECOVERY_FAILED"::equals).hasSize(3);
		assertThat(timelineTypes(id)).containsOnlyOnce("STALLED");
		batch = this.http.get("viewer", "/api/booking-batches/" + id).json();
		assertThat(batch.get("status").asString()).isEqualTo("CREATING");
		assertThat(batch.get("stalled").asBoolean()).isTrue();
		assertThat(batch.get("availableActions").toString()).contains("FORCE_COMPLETE");
		JsonNode health = this.http.get("admin", "/actuator/health").json();
		assertThat(health.at("/components/bookingGeneration/details/stalled/0/id").asLong()).isEqualTo(id);
		assertThat(health.at("/components/bookingGeneration/status").asString()).isEqualTo("UP");
		JsonNode endpoint = this.http.get("admin", "/actuator/bookinggeneration").json();
		assertThat(endpoint.at("/stalled/0/id").asLong()).isEqualTo(id);

		// when
		TestHttp.Response forced = this.http.post("coordinator", "/api/booking-batches/" + id + "/force-complete", "");

		// then: what was created stays, the rest failed
		assertThat(forced.status()).isBetween(200, 202);
		assertThat(status(id)).isEqualTo("PARTIALLY_COMPLETED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM batch_entry WHERE batch_id = ? AND status = 'FAILED'")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(2);
		BatchInvariants.assertHold(this.jdbc, id);
	}

	private long batchLeftCreatingByADeadNode() {
		validAndInvalidVisits(this.today);
		long id = this.service
			.start(this.today.plusDays(14), this.today.plusDays(20), List.of(), null, false, BatchOrigin.ADMIN, "admin")
			.id();
		awaitStatus(id, "VALIDATED");
		this.service.confirm(id, "admin");
		awaitStatus(id, "COMPLETED");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !this.launcher.isRunningHere(id));
		List<Long> lost = this.jdbc
			.sql("SELECT id FROM batch_entry WHERE batch_id = ? AND status = 'CREATED' ORDER BY id DESC LIMIT 2")
			.param(id)
			.query(Long.class)
			.list();
		for (String table : List.of("booking_carer", "booking_status_history")) {
			this.jdbc
				.sql("DELETE FROM " + table
						+ " WHERE booking_id IN (SELECT booking_id FROM batch_entry WHERE id IN (:ids))")
				.param("ids", lost)
				.update();
		}
		this.jdbc.sql("DELETE FROM booking WHERE id IN (SELECT booking_id FROM batch_entry WHERE id IN (:ids))")
			.param("ids", lost)
			.update();
		this.jdbc.sql("UPDATE batch_entry SET status = 'CONFIRMED', booking_id = 0 WHERE id IN (:ids)")
			.param("ids", lost)
			.update();
		Timestamp longAgo = Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(10)));
		this.jdbc.sql("""
				UPDATE booking_batch SET status = 'CREATING', finished_at = NULL, created = created - 2, confirmed = 2,
				owner_node = 'gone-node', heartbeat_at = ?, resume_attempts = 0 WHERE id = ?
				""").params(longAgo, id).update();
		this.jdbc.sql("INSERT INTO generation_node (node_id, started_at, heartbeat_at) VALUES ('gone-node', ?, ?)")
			.params(longAgo, longAgo)
			.update();
		BatchInvariants.assertHold(this.jdbc, id);
		return id;
	}

	private int resumeAttempts(long id) {
		return this.jdbc.sql("SELECT resume_attempts FROM booking_batch WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
