package org.bookingbatch.generation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a step's rows into contiguous id ranges of about the same width, so that a
 * chunk's rows stay close together (the same schedule entries, carers and clients) as
 * without partitions. The first range is open downwards and the last upwards: rows added
 * after the split (a refresh) and a restart with the saved ranges are still covered.
 */
class IdRangePartitioner implements Partitioner {

	static final String FROM_ID = "fromId";

	static final String TO_ID = "toId";

	/** The partition's count shard (BatchRepository). */
	static final String SHARD = "shard";

	private final Supplier<long @Nullable []> span;

	/**
	 * @param span the lowest and highest id of the rows to split, or null when there are
	 * none
	 */
	IdRangePartitioner(Supplier<long @Nullable []> span) {
		this.span = span;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		long[] span = (gridSize > 1) ? this.span.get() : null;
		if (span == null) {
			partitions.put("partition0", new ExecutionContext());
			return partitions;
		}
		long width = Math.max(1, (span[1] - span[0] + gridSize) / gridSize);
		for (int i = 0; i < gridSize; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(SHARD, i + 1);
			if (i > 0) {
				context.putLong(FROM_ID, span[0] + i * width);
			}
			if (i < gridSize - 1) {
				context.putLong(TO_ID, span[0] + (i + 1) * width);
			}
			partitions.put("partition" + i, context);
		}
		return partitions;
	}

	/**
	 * The condition that keeps a reader to its range; none outside a partitioned step.
	 * @param idColumn the column the rows are split by
	 * @param fromId the range's first id, from the step's execution context
	 * @param toId the id after the range's last
	 */
	static String condition(String idColumn, @Nullable Long fromId, @Nullable Long toId) {
		return ((fromId != null) ? " AND " + idColumn + " >= " + fromId : "")
				+ ((toId != null) ? " AND " + idColumn + " < " + toId : "");
	}

}
