package org.bookingbatch.generation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import org.bookingbatch.care.ScheduleEntry;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleDayReaderTests {

	private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

	private final List<ScheduleEntry> entries = new ArrayList<>(List.of(entry(3), entry(5), entry(8)));

	@Test
	void readsEveryScheduleEntryOnEachDayBeforeTheNextDay() throws Exception {
		ScheduleDayReader reader = reader();
		reader.open(new ExecutionContext());
		assertThat(readAll(reader)).containsExactly("3@2027-01-04", "5@2027-01-04", "8@2027-01-04", "3@2027-01-05",
				"5@2027-01-05", "8@2027-01-05", "3@2027-01-06", "5@2027-01-06", "8@2027-01-06");
		assertThat(reader.read()).isNull();
	}

	@Test
	void aResumedReaderContinuesAfterTheLastScheduleEntryDayItReturned() throws Exception {
		ScheduleDayReader reader = reader();
		reader.open(new ExecutionContext());
		for (int i = 0; i < 5; i++) {
			reader.read();
		}
		ExecutionContext saved = new ExecutionContext();
		reader.update(saved);
		reader.close();
		// a schedule entry added meanwhile with a higher id is read on the days still to
		// come
		this.entries.add(entry(9));
		ScheduleDayReader resumed = reader();
		resumed.open(saved);
		assertThat(readAll(resumed)).containsExactly("8@2027-01-05", "9@2027-01-05", "3@2027-01-06", "5@2027-01-06",
				"8@2027-01-06", "9@2027-01-06");
	}

	@Test
	void aResumedReaderThatHadReadTheLastDayReadsNothingMore() throws Exception {
		ScheduleDayReader reader = reader();
		reader.open(new ExecutionContext());
		readAll(reader);
		ExecutionContext saved = new ExecutionContext();
		reader.update(saved);
		ScheduleDayReader resumed = reader();
		resumed.open(saved);
		assertThat(resumed.read()).isNull();
	}

	@Test
	void noScheduleEntriesReadNothing() throws Exception {
		this.entries.clear();
		ScheduleDayReader reader = reader();
		reader.open(new ExecutionContext());
		assertThat(reader.read()).isNull();
	}

	private ScheduleDayReader reader() {
		return new ScheduleDayReader("days", () -> List.copyOf(this.entries), MONDAY, MONDAY.plusDays(2));
	}

	private static List<String> readAll(ScheduleDayReader reader) throws Exception {
		List<String> read = new ArrayList<>();
		for (ScheduleDay item = reader.read(); item != null; item = reader.read()) {
			read.add(item.entry().id() + "@" + item.day());
		}
		return read;
	}

	private static ScheduleEntry entry(long id) {
		return new ScheduleEntry(id, 1, 1, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), 30, 1, MONDAY, Set.of(),
				1, List.of(), null, MONDAY, null, 1);
	}

}
