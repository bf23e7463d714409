package org.bookingbatch.generation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import org.bookingbatch.care.ScheduleEntry;

/**
 * Reads the batch's schedule entries day by day: every entry (by id) on the first day,
 * then every entry on the next. The build drafts its entries in this order, so entry ids
 * follow time, and a chunk of consecutive ids in the later steps spans a short stretch of
 * time: its status changes and bookings write to a few places of the indexes by time
 * rather than all over them.
 * <p>
 * The schedule entries are read once, when the reader opens (a large provider's are a few
 * megabytes). It saves the day and the id of the last entry it returned, and a resumed
 * step continues right after them.
 */
class ScheduleDayReader extends AbstractItemCountingItemStreamItemReader<ScheduleDay> {

	private static final String DAY = "day";

	private static final String LAST_ID = "last.id";

	private final Supplier<List<ScheduleEntry>> scheduleEntries;

	private final LocalDate lastDay;

	private List<ScheduleEntry> entries = List.of();

	private LocalDate day;

	private int next;

	private @Nullable Long lastId;

	/**
	 * @param scheduleEntries the schedule entries to read, by id
	 * @param firstDay the first day to read them on
	 * @param lastDay the last day to read them on
	 */
	ScheduleDayReader(String name, Supplier<List<ScheduleEntry>> scheduleEntries, LocalDate firstDay,
			LocalDate lastDay) {
		setName(name);
		this.scheduleEntries = scheduleEntries;
		this.day = firstDay;
		this.lastDay = lastDay;
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		if (isSaveState() && executionContext.containsKey(getExecutionContextKey(DAY))) {
			this.day = LocalDate.ofEpochDay(executionContext.getLong(getExecutionContextKey(DAY)));
			this.lastId = executionContext.getLong(getExecutionContextKey(LAST_ID));
		}
		super.open(executionContext);
	}

	@Override
	protected void doOpen() {
		this.entries = this.scheduleEntries.get();
		this.next = 0;
		if (this.lastId != null) {
			while (this.next < this.entries.size() && this.entries.get(this.next).id() <= this.lastId) {
				this.next++;
			}
		}
	}

	@Override
	protected @Nullable ScheduleDay doRead() {
		while (!this.day.isAfter(this.lastDay)) {
			if (this.next < this.entries.size()) {
				ScheduleEntry entry = this.entries.get(this.next++);
				this.lastId = entry.id();
				return new ScheduleDay(entry, this.day);
			}
			this.day = this.day.plusDays(1);
			this.next = 0;
		}
		return null;
	}

	@Override
	public void update(ExecutionContext executionContext) throws ItemStreamException {
		super.update(executionContext);
		if (isSaveState() && this.lastId != null) {
			executionContext.putLong(getExecutionContextKey(DAY), this.day.toEpochDay());
			executionContext.putLong(getExecutionContextKey(LAST_ID), this.lastId);
		}
	}

	/** The position is the saved day and id: nothing to skip. */
	@Override
	protected void jumpToItem(int itemIndex) {
	}

	@Override
	protected void doClose() {
		this.entries = List.of();
	}

}
