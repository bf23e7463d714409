package org.bookingbatch.generation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class IdRangePartitionerTests {

	@Test
	void splitsTheSpanIntoContiguousRangesOpenAtBothEnds() {
		Map<String, ExecutionContext> partitions = new IdRangePartitioner(() -> new long[] { 101, 400 }).partition(3);

		assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2");
		ExecutionContext first = partitions.get("partition0");
		ExecutionContext middle = partitions.get("partition1");
		ExecutionContext last = partitions.get("partition2");
		assertThat(first.containsKey(IdRangePartitioner.FROM_ID)).as("open downwards").isFalse();
		assertThat(first.getLong(IdRangePartitioner.TO_ID)).isEqualTo(201);
		assertThat(middle.getLong(IdRangePartitioner.FROM_ID)).isEqualTo(201);
		assertThat(middle.getLong(IdRangePartitioner.TO_ID)).isEqualTo(301);
		assertThat(last.getLong(IdRangePartitioner.FROM_ID)).isEqualTo(301);
		assertThat(last.containsKey(IdRangePartitioner.TO_ID)).as("open upwards: rows added later").isFalse();
	}

	@Test
	void everyIdFallsIntoExactlyOneRange() {
		Map<String, ExecutionContext> partitions = new IdRangePartitioner(() -> new long[] { 7, 20 }).partition(4);

		for (long id = 0; id <= 30; id++) {
			long current = id;
			assertThat(partitions.values().stream().filter((context) -> {
				boolean above = !context.containsKey(IdRangePartitioner.FROM_ID)
						|| current >= context.getLong(IdRangePartitioner.FROM_ID);
				boolean below = !context.containsKey(IdRangePartitioner.TO_ID)
						|| current < context.getLong(IdRangePartitioner.TO_ID);
				return above && below;
			})).as("id " + id).hasSize(1);
		}
	}

	@Test
	void noRowsOrOnePartitionGiveOneUnboundedPartition() {
		assertThat(new IdRangePartitioner(() -> null).partition(2)).hasSize(1)
			.allSatisfy((name, context) -> assertThat(context.isEmpty()).isTrue());
		assertThat(new IdRangePartitioner(() -> {
			throw new AssertionError("a single partition needs no span");
		}).partition(1)).hasSize(1);
	}

	@Test
	void theConditionKeepsAReaderToItsRange() {
		assertThat(IdRangePartitioner.condition("e.id", null, null)).isEmpty();
		assertThat(IdRangePartitioner.condition("e.id", 10L, null)).isEqualTo(" AND e.id >= 10");
		assertThat(IdRangePartitioner.condition("e.id", null, 20L)).isEqualTo(" AND e.id < 20");
		assertThat(IdRangePartitioner.condition("e.id", 10L, 20L)).isEqualTo(" AND e.id >= 10 AND e.id < 20");
	}

}
