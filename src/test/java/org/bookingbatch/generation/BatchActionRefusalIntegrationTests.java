package org.bookingbatch.generation;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action, entry edit and removal that a batch's status does not allow answers 409
 * with the batch's status and the actions it does allow, exactly as
 * {@link BatchStatusModel} says; and permissions are checked before anything else.
 */
class BatchActionRefusalIntegrationTests extends GenerationIntegrationTestSupport {

	long batchId;

	long entryId;

	@BeforeEach
	void validatedBatch() {
		northTeamWeek();
		this.batchId = startValidated();
		this.entryId = entryId(this.batchId, this.doubleHanded, this.monday);
	}

	@Test
	void everyStatusRefusesTheActionsItDoesNotAllow() {
		// given
		long entryVersions = entryVersions();
		int timelineLength = timeline(this.batchId).size();
		SoftAssertions softly = new SoftAssertions();
		for (BookingBatchStatus status : BookingBatchStatus.values()) {
			setStatus(this.batchId, status.name());
			List<String> available = BatchStatusModel.availableActions(status, false, false, false)
				.stream()
				.map(Enum::name)
				.toList();
			for (Call call : calls()) {
				if (BatchStatusModel.availableActions(status, false, false, false).contains(call.action())) {
					continue;
				}
				// when
				TestHttp.Response response = this.http.send("admin", call.method(),
						"/api/booking-batches/" + this.batchId + call.path(), call.body());
				// then
				softly.assertThat(response.status())
					.as("%s %s in %s", call.method(), call.path(), status)
					.isEqualTo(409);
				if (response.status() == 409) {
					JsonNode problem = response.json();
					softly.assertThat(problem.get("batchStatus").asString())
						.as("batchStatus of %s in %s", call.path(), status)
						.isEqualTo(status.name());
					List<String> actions = new ArrayList<>();
					problem.get("availableActions").forEach((action) -> actions.add(action.asString()));
					softly.assertThat(actions)
						.as("availableActions of %s in %s", call.path(), status)
						.containsExactlyInAnyOrderElementsOf(available);
				}
			}
			// the detail offers the same actions
			List<String> offered = new ArrayList<>();
			batch(this.batchId).get("availableActions").forEach((action) -> offered.add(action.asString()));
			softly.assertThat(offered)
				.as("availableActions of the batch in %s", status)
				.containsExactlyInAnyOrderElementsOf(available);
		}
		softly.assertAll();
		// nothing was changed by the refused calls
		assertThat(entryVersions()).isEqualTo(entryVersions);
		assertThat(timeline(this.batchId)).hasSize(timelineLength);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM booking_batch").query(Long.class).single()).isOne();
		setStatus(this.batchId, "VALIDATED");
	}

	@Test
	void actionsNeedTheirPermission() {
		// when / then: planners generate but do not confirm; viewers only read
		assertThat(action("planner", this.batchId, "confirm").status()).isEqualTo(403);
		assertThat(action("planner", this.batchId, "force-complete").status()).isEqualTo(403);
		for (String path : List.of("cancel", "refresh", "revalidate", "done", "retry",
				"entries/auto-resolve-clashes")) {
			assertThat(action("viewer", this.batchId, path).status()).as(path).isEqualTo(403);
		}
		assertThat(this.http
			.patch("viewer", "/api/booking-batches/" + this.batchId + "/entries/" + this.entryId,
					"{\"selected\":false}")
			.status()).isEqualTo(403);
		assertThat(startResponse("viewer", this.monday, this.sunday, null, null).status()).isEqualTo(403);
		assertThat(this.http.get(null, "/api/booking-batches/" + this.batchId).status()).isEqualTo(401);
		assertThat(batch(this.batchId).get("status").asString()).isEqualTo("VALIDATED");
	}

	@Test
	void unknownBatchesAndEntriesAreNotFound() {
		// given
		long unknown = this.batchId + 1000;
		// when / then
		for (Call call : calls()) {
			TestHttp.Response response = this.http.send("admin", call.method(),
					"/api/booking-batches/" + unknown + call.path(), call.body());
			assertThat(response.status()).as(call.path()).isEqualTo(404);
		}
		assertThat(this.http.get("viewer", "/api/booking-batches/" + unknown).status()).isEqualTo(404);
		assertThat(this.http.get("viewer", "/api/booking-batches/" + unknown + "/timeline").status()).isEqualTo(404);
		assertThat(this.http.get("viewer", "/api/booking-batches/" + unknown + "/entries").status()).isEqualTo(404);
		assertThat(this.http
			.patch("coordinator", "/api/booking-batches/" + this.batchId + "/entries/" + (this.entryId + 100000),
					"{\"selected\":false}")
			.status()).isEqualTo(404);
	}

	private long entryVersions() {
		return this.jdbc.sql("SELECT COALESCE(SUM(version), 0) FROM batch_entry WHERE batch_id = ?")
			.param(this.batchId)
			.query(Long.class)
			.single();
	}

	/** One call per action endpoint, with a body that passes the request checks. */
	private List<Call> calls() {
		return List.of(new Call(BatchAction.CONFIRM, "POST", "/confirm", ""),
				new Call(BatchAction.CANCEL, "POST", "/cancel", ""),
				new Call(BatchAction.REFRESH_ENTRIES, "POST", "/refresh", ""),
				new Call(BatchAction.REVALIDATE_STALE, "POST", "/revalidate", ""),
				new Call(BatchAction.FORCE_COMPLETE, "POST", "/force-complete", ""),
				new Call(BatchAction.DONE, "POST", "/done", ""), new Call(BatchAction.RETRY, "POST", "/retry", ""),
				new Call(BatchAction.EDIT_ENTRIES, "PATCH", "/entries/" + this.entryId, "{\"selected\":false}"),
				new Call(BatchAction.EDIT_ENTRIES, "POST", "/entries/selection", "{\"all\":true,\"selected\":false}"),
				new Call(BatchAction.REMOVE_ENTRIES, "POST", "/entries/removal",
						"{\"entryIds\":[" + this.entryId + "]}"),
				new Call(BatchAction.AUTO_RESOLVE_CLASHES, "POST", "/entries/auto-resolve-clashes", ""));
	}

	private record Call(BatchAction action, String method, String path, String body) {
	}

}
