package org.bookingbatch.generation;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.bookingbatch.platform.MalformedRequests;

/**
 * Every write endpoint of the batch API refuses malformed requests with a 4xx problem
 * detail and writes nothing: not the batch, not its entries, not a booking.
 */
class BatchMalformedRequestsIntegrationTests extends GenerationIntegrationTestSupport {

	@TestFactory
	Stream<DynamicTest> malformedRequestsToEveryBatchWriteEndpointAreRefusedAndWriteNothing() {
		northTeamWeek();
		long id = startValidated();
		long entryId = this.jdbc.sql("SELECT MIN(id) FROM batch_entry WHERE batch_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		String batch = "/api/booking-batches/" + id;
		MalformedRequests table = new MalformedRequests()
			.endpoint("POST", "/api/booking-batches",
					"{\"from\":\"2030-01-07\",\"to\":\"2030-01-13\",\"teamIds\":[1],\"name\":\"Week 2\"}")
			.field("POST", "/api/booking-batches", "{\"from\":\"2030-01-07\",\"to\":\"2030-01-13\"}", "from",
					"\"2030-02-30\"", "an impossible date")
			.endpoint("PATCH", batch + "/entries/" + entryId, "{\"carerIds\":[1],\"selected\":true}")
			.endpoint("POST", batch + "/entries/selection", "{\"entryIds\":[1],\"all\":false,\"selected\":true}")
			.endpoint("POST", batch + "/entries/removal", "{\"entryIds\":[1]}")
			.field("POST", batch + "/entries/removal", "{\"issue\":\"CARER_CLASH\"}", "issue", "\"NO_SUCH_ISSUE\"",
					"an unknown issue code");
		Supplier<Object> state = MalformedRequests.tableChecksums(this.jdbcTemplate, "booking_batch",
				"booking_batch_team", "batch_entry", "batch_entry_carer", "batch_event", "booking");
		return table.tests("http://localhost:" + this.port, "coordinator", "coordinator", state);
	}

}
