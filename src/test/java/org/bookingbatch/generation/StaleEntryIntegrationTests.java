package org.bookingbatch.generation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import org.bookingbatch.care.CareModelChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes of the care model flag the dependent entries of batches under review as stale,
 * in the transaction of the change; REVALIDATE_STALE re-checks exactly those.
 */
class StaleEntryIntegrationTests extends GenerationIntegrationTestSupport {

	@Autowired
	ApplicationEventPublisher events;

	long id;

	@BeforeEach
	void validatedBatch() {
		northTeamWeek();
		this.id = startValidated();
	}

	@Test
	void changesOfAClientACarerOrAScheduleEntryFlagTheEntriesThatDependOnThem() {
		// given
		long cancelled = startValidated();
		action("planner", cancelled, "cancel");
		// when: Alice Cox changed
		publish(new CareModelChanged(CareModelChanged.What.CLIENT, this.alice, Set.of(this.alice), Set.of(), Set.of()));
		// then
		assertThat(entries(this.id, "stale=true")).hasSize(5)
			.allSatisfy((entry) -> assertThat(entry.get("clientId").asLong()).isEqualTo(this.alice));
		assertThat(counts(this.id).get("stale").asInt()).isEqualTo(5);

		// when: Ben Moss's absences changed
		publish(new CareModelChanged(CareModelChanged.What.CARER_ABSENCE, 1, Set.of(), Set.of(this.ben), Set.of()));
		// then
		assertThat(entries(this.id, "stale=true&carerId=" + this.ben)).hasSize(7);
		assertThat(counts(this.id).get("stale").asInt()).isEqualTo(12);

		// when: Bob Day's schedule entry changed
		publish(new CareModelChanged(CareModelChanged.What.SCHEDULE_ENTRY, this.clash2, Set.of(), Set.of(),
				Set.of(this.clash2)));
		// then
		assertThat(entries(this.id, "stale=true&clientId=" + this.bob)).hasSize(5);
		JsonNode batch = batch(this.id);
		assertThat(batch.get("counts").get("stale").asInt()).isEqualTo(17);
		assertThat(batch.get("status").asString()).isEqualTo("VALIDATED");
		assertThat(entries(this.id, "stale=false")).isEmpty();
		// a batch that is no longer under review is left alone
		assertThat(counts(cancelled).get("stale").asInt()).isZero();
		assertThat(entries(cancelled, "stale=true")).isEmpty();
	}

	@Test
	void aChangeThatRollsBackFlagsNothing() {
		// when
		this.transactions.executeWithoutResult((tx) -> {
			this.events.publishEvent(new CareModelChanged(CareModelChanged.What.CLIENT, this.alice, Set.of(this.alice),
					Set.of(), Set.of()));
			tx.setRollbackOnly();
		});
		// then
		assertThat(counts(this.id).get("stale").asInt()).isZero();
		assertThat(entries(this.id, "stale=true")).isEmpty();
	}

	@Test
	void revalidateStaleRechecksOnlyTheFlaggedEntries() {
		// given: Ben becomes absent on Wednesday, and Alice's client record changes
		LocalDate wednesday = this.monday.plusDays(2);
		this.fixtures.absence(this.ben, GenerationFixtures.at(wednesday, LocalTime.of(9, 0)),
				GenerationFixtures.at(wednesday, LocalTime.of(12, 0)));
		publish(new CareModelChanged(CareModelChanged.What.CARER_ABSENCE, 1, Set.of(), Set.of(this.ben), Set.of()));
		publish(new CareModelChanged(CareModelChanged.What.CLIENT, this.alice, Set.of(this.alice), Set.of(), Set.of()));
		assertThat(counts(this.id).get("stale").asInt()).isEqualTo(12);
		Map<Long, Long> versions = versions();
		// when
		TestHttp.Response revalidating = action("planner", this.id, "revalidate");
		// then
		assertThat(revalidating.status()).as(revalidating.body()).isEqualTo(202);
		assertThat(revalidating.json().get("status").asString()).isEqualTo("REVALIDATING");
		JsonNode batch = awaitSettled(this.id, "VALIDATED");
		Map<Long, Long> after = versions();
		List<JsonNode> rechecked = entries(this.id).stream()
			.filter((entry) -> !after.get(entry.get("id").asLong()).equals(versions.get(entry.get("id").asLong())))
			.toList();
		assertThat(rechecked).as("the revalidated entries").hasSize(12).allSatisfy((entry) -> {
			long client = entry.get("clientId").asLong();
			assertThat(client == this.alice || client == this.cara).isTrue();
		});
		assertThat(after.values().stream().mapToLong(Long::longValue).sum()
				- versions.values().stream().mapToLong(Long::longValue).sum())
			.as("each of them once")
			.isEqualTo(12);
		assertThat(batch.get("counts").get("stale").asInt()).isZero();
		assertThat(entries(this.id, "stale=true")).isEmpty();
		JsonNode absent = entry(this.id, this.doubleHanded, wednesday);
		assertThat(absent.get("status").asString()).isEqualTo("INVALID");
		assertThat(absent.get("issues")).extracting((issue) -> issue.get("code").asString())
			.contains("CARER_UNAVAILABLE");
		assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(6);
		assertThat(batch.get("counts").get("invalid").asInt()).isEqualTo(11);
		assertThat(timeline(this.id)).anySatisfy((event) -> {
			assertThat(event.get("toStatus").toString()).isEqualTo("\"REVALIDATING\"");
			assertThat(event.get("message").asString()).contains("12 stale entries");
		});
	}

	private void publish(CareModelChanged change) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(change));
	}

	private Map<Long, Long> versions() {
		Map<Long, Long> versions = new HashMap<>();
		this.jdbc.sql("SELECT id, version FROM batch_entry WHERE batch_id = ?").param(this.id).query((rs) -> {
			versions.put(rs.getLong(1), rs.getLong(2));
		});
		return versions;
	}

}
