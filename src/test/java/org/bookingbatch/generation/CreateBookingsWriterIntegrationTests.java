package org.bookingbatch.generation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creation chunk books its entries and points each one at its own booking, whether it
 * computes the bookings' ids from the statement's first one (a server that gives one
 * statement consecutive ids) or looks them up by occurrence. After each test the
 * invariants check that every CREATED entry points at the booking of its occurrence.
 */
class CreateBookingsWriterIntegrationTests extends GenerationIntegrationTestSupport {

	@BeforeEach
	void setUp() {
		northTeamWeek();
	}

	@ParameterizedTest(name = "consecutive ids: {0}")
	@ValueSource(booleans = { true, false })
	void aChunkWithGapsInItsEntryIdsPointsEachEntryAtItsOwnBooking(boolean consecutiveIds) {
		// given: Alice's Tuesday visit is confirmed too, apart from Cara's visits; the
		// chunk leaves Cara's Wednesday visit to a later one
		long id = startValidated();
		long aliceTuesday = entryId(id, this.clash1, this.monday.plusDays(1));
		long caraWednesday = entryId(id, this.doubleHanded, this.monday.plusDays(2));
		makeValidAndSelected(id, List.of(aliceTuesday));
		passFinalCheck(id);
		setStatus(id, "CREATING");
		List<Long> chunk = new ArrayList<>(confirmedIds(id));
		chunk.remove(caraWednesday);
		assertThat(chunk).hasSize(7).contains(aliceTuesday);
		// when
		write(id, chunk, consecutiveIds);
		// then
		assertThat(bookingCount(id)).isEqualTo(7);
		assertThat(confirmedIds(id)).containsExactly(caraWednesday);
		for (long entryId : chunk) {
			assertThat(bookedOccurrenceOf(entryId)).as("entry %d", entryId).isEqualTo(occurrenceOf(entryId));
		}
		write(id, List.of(caraWednesday), consecutiveIds);
		assertThat(bookedOccurrenceOf(caraWednesday)).isEqualTo(occurrenceOf(caraWednesday));
		assertThat(counts(id).get("created").asInt()).isEqualTo(8);
	}

	@ParameterizedTest(name = "consecutive ids: {0}")
	@ValueSource(booleans = { true, false })
	void anOccurrenceBookedMeanwhileFailsWhileTheOthersPointAtTheirOwnBookings(boolean consecutiveIds) {
		// given: Cara's Thursday visit got a booking of its own after the final check
		long id = startValidated();
		passFinalCheck(id);
		setStatus(id, "CREATING");
		long caraThursday = entryId(id, this.doubleHanded, this.monday.plusDays(3));
		long oneOff = bookOccurrence(this.doubleHanded, this.monday.plusDays(3), "DISPATCHED");
		List<Long> chunk = confirmedIds(id);
		// when
		write(id, chunk, consecutiveIds);
		// then
		assertThat(bookingCount(id)).isEqualTo(6);
		for (long entryId : chunk) {
			if (entryId == caraThursday) {
				assertThat(this.jdbc.sql("SELECT CONCAT(status, ': ', error) FROM batch_entry WHERE id = ?")
					.param(entryId)
					.query(String.class)
					.single()).isEqualTo("FAILED: The occurrence was booked meanwhile (booking " + oneOff + ")");
			}
			else {
				assertThat(bookedOccurrenceOf(entryId)).as("entry %d", entryId).isEqualTo(occurrenceOf(entryId));
			}
		}
	}

	@ParameterizedTest(name = "consecutive ids: {0}")
	@ValueSource(booleans = { true, false })
	void aChunkOfEveryOtherEntryPointsEachEntryAtItsOwnBooking(boolean consecutiveIds) {
		// given: ten weeks of Cara's daily visits, confirmed, and a chunk of every other
		// one: 35 runs of consecutive entry ids, more than one statement takes
		long id = start(this.monday, this.monday.plusWeeks(10).minusDays(1), List.of());
		awaitStatus(id, "VALIDATED");
		passFinalCheck(id);
		setStatus(id, "CREATING");
		List<Long> confirmed = confirmedIds(id);
		List<Long> everyOther = new ArrayList<>();
		for (int i = 0; i < confirmed.size(); i += 2) {
			everyOther.add(confirmed.get(i));
		}
		assertThat(everyOther).hasSize(35);
		// when
		write(id, everyOther, consecutiveIds);
		write(id, confirmedIds(id), consecutiveIds);
		// then
		assertThat(bookingCount(id)).isEqualTo(70);
		for (long entryId : confirmed) {
			assertThat(bookedOccurrenceOf(entryId)).as("entry %d", entryId).isEqualTo(occurrenceOf(entryId));
		}
	}

	private void write(long batchId, List<Long> entryIds, boolean consecutiveIds) {
		CreateBookingsWriter writer = createBookingsWriter(batchId, 0, consecutiveIds);
		this.transactions.executeWithoutResult((tx) -> writer.write(new Chunk<>(entryIds)));
	}

	private List<Long> confirmedIds(long batchId) {
		return this.jdbc.sql("SELECT id FROM batch_entry WHERE batch_id = ? AND status = 'CONFIRMED' ORDER BY id")
			.param(batchId)
			.query(Long.class)
			.list();
	}

	private String occurrenceOf(long entryId) {
		return this.jdbc.sql("SELECT CONCAT(schedule_entry_id, '@', occurrence_date) FROM batch_entry WHERE id = ?")
			.param(entryId)
			.query(String.class)
			.single();
	}

	/** The occurrence of the booking the entry points at, if it is CREATED. */
	private String bookedOccurrenceOf(long entryId) {
		return this.jdbc.sql("""
				SELECT CONCAT(b.schedule_entry_id, '@', b.occurrence_date) FROM batch_entry e
				JOIN booking b ON b.id = e.booking_id AND b.batch_id = e.batch_id
				WHERE e.id = ? AND e.status = 'CREATED'
				""").param(entryId).query(String.class).optional().orElse("not booked");
	}

}
