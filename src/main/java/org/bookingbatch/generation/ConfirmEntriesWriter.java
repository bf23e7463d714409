package org.bookingbatch.generation;

import java.util.ArrayList;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The final check of a chunk of confirmed entries: those that fail become INVALID and are
 * counted as rejected.
 */
class ConfirmEntriesWriter implements ItemWriter<BatchEntry> {

	private final long batchId;

	private final EntryValidator validator;

	ConfirmEntriesWriter(long batchId, EntryValidator validator) {
		this.batchId = batchId;
		this.validator = validator;
	}

	@Override
	public void write(Chunk<? extends BatchEntry> chunk) {
		this.validator.confirmCheck(this.batchId, new ArrayList<>(chunk.getItems()));
	}

}
