package org.bookingbatch.generation;

import java.util.ArrayList;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Validates a chunk of entries under review and writes the outcome with the count deltas.
 */
class ValidateEntriesWriter implements ItemWriter<BatchEntry> {

	private final long batchId;

	private final EntryValidator validator;

	ValidateEntriesWriter(long batchId, EntryValidator validator) {
		this.batchId = batchId;
		this.validator = validator;
	}

	@Override
	public void write(Chunk<? extends BatchEntry> chunk) {
		this.validator.validate(this.batchId, new ArrayList<>(chunk.getItems()));
	}

}
