package org.bookingbatch.booking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.bookingbatch.booking.status.BookingStatusModel.FiredBy;
import org.bookingbatch.booking.status.InvalidStatusModelException;
import org.bookingbatch.booking.status.StatusModelReader;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the status model and the consistency check that refuses each kind of
 * inconsistent model with a precise message.
 */
class StatusModelReaderTests {

	/** A small consistent model that each test breaks in one way. */
	static final String VALID = """
			name: small
			statuses:
			  - name: held
			    label: Held
			    initial: true
			    guard: holdRequested
			    occupiesTime: true
			  - name: live
			    label: Live
			    initial: true
			    occupiesTime: true
			    countsAsBooked: true
			  - name: aborted
			    label: Aborted
			    final: true
			  - name: cancelled
			    label: Cancelled
			    final: true
			    countsAsBooked: true
			transitions:
			  - name: confirm
			    from: [held]
			    to: live
			    by: api
			    permission: GENERATE_BOOKINGS
			  - name: abort
			    from: held
			    to: aborted
			    by: system
			  - name: cancel
			    from: [held, live]
			    to: cancelled
			    by: api
			    permission: GENERATE_BOOKINGS
			    fields: [chargeClient]
			    reasonRequired: true
			timeouts:
			  - status: held
			    after: ${booking.lifecycle.hold-timeout:PT20M}
			    transition: abort
			""";

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void aConsistentModelIsRead() {
		// when
		BookingStatusModel model = read(VALID);
		// then
		assertThat(model.name()).isEqualTo("small");
		assertThat(model.source()).isEqualTo("test.yml");
		assertThat(model.statuses()).extracting(BookingStatusModel.Status::name)
			.containsExactly("held", "live", "aborted", "cancelled");
		assertThat(model.initialStatuses()).extracting(BookingStatusModel.Status::name).containsExactly("held", "live");
		assertThat(model.transitionsNamed("abort").get(0).from()).containsExactly("held");
		assertThat(model.transitionsNamed("abort").get(0).by()).isEqualTo(FiredBy.SYSTEM);
		assertThat(model.transitionsNamed("cancel").get(0).reasonRequired()).isTrue();
		assertThat(model.timeouts().get(0).after()).isEqualTo(Duration.ofMinutes(20));
		assertThat(model.apiTransitionNamesFrom("held")).containsExactly("confirm", "cancel");
	}

	@Test
	void aTimeoutFollowsTheSettingItNames() {
		// given
		this.environment.setProperty("booking.lifecycle.hold-timeout", "PT45M");
		// when
		BookingStatusModel model = read(VALID);
		// then
		assertThat(model.timeouts().get(0).after()).isEqualTo(Duration.ofMinutes(45));
	}

	@Test
	void theDefaultCareModelIsConsistent() throws IOException {
		// when
		BookingStatusModel model = read(
				new ClassPathResource("booking-status-model.yml").getContentAsString(StandardCharsets.UTF_8));
		// then
		assertThat(model.name()).isEqualTo("care-visits");
		assertThat(model.statuses()).extracting(BookingStatusModel.Status::name)
			.containsExactly("held", "aborted", "provisional", "lapsed", "to_be_dispatched", "partially_dispatched",
					"dispatched", "done", "processing_payment", "paid", "cancelled", "owes");
		assertThat(model.transitions().stream().map(BookingStatusModel.Transition::name).distinct()).containsExactly(
				"confirm_hold", "abort", "publish", "lapse", "dispatch", "partially_dispatch", "undispatch_stops",
				"complete_stops", "process_payment", "paid", "cancel");
	}

	@Test
	void unknownStatusesAreRefused() {
		// when
		InvalidStatusModelException refused = refuse(VALID.replace("to: live", "to: alive")
			.replace("from: [held, live]", "from: [held, lve]")
			.replace("- status: held", "- status: hold"));
		// then
		assertThat(refused.problems()).contains("transition 'confirm' goes to unknown status 'alive'",
				"transition 'cancel' leaves unknown status 'lve'", "a timeout names unknown status 'hold'");
		assertThat(refused.getMessage()).startsWith("The booking status model in test.yml is refused (");
	}

	@Test
	void aFinalStatusWithOutgoingTransitionsIsRefused() {
		// when
		InvalidStatusModelException refused = refuse(
				VALID.replace("from: [held, live]", "from: [held, live, aborted]"));
		// then
		assertThat(refused.problems()).containsExactly("status 'aborted' is final, but transition 'cancel' leaves it");
	}

	@Test
	void aStatusThatNoTransitionReachesIsRefused() {
		// when
		InvalidStatusModelException refused = refuse(
				VALID.replace("  - name: cancelled\n", "  - name: limbo\n    label: Limbo\n  - name: cancelled\n"));
		// then
		assertThat(refused.problems()).containsExactly("status 'limbo' is not initial and no transition reaches it");
	}

	@Test
	void twoInitialStatusesWithoutAGuardToChooseBetweenThemAreRefused() {
		// when
		InvalidStatusModelException refused = refuse(VALID.replace("    guard: holdRequested\n", ""));
		// then
		assertThat(refused.problems())
			.containsExactly("statuses 'held' and 'live' are initial without a guard to choose between them;"
					+ " give every initial status but one a guard");
	}

	@Test
	void unknownGuardNamesAreRefused() {
		// when
		InvalidStatusModelException refused = refuse(VALID.replace("guard: holdRequested", "guard: onHold")
			.replace("    by: system\n", "    by: system\n    guard: everySlotFilled\n"));
		// then
		assertThat(refused.problems()).hasSize(2);
		assertThat(refused.problems().get(0)).startsWith("status 'held' names unknown guard 'onHold'; known guards: ")
			.contains("holdRequested", "allSlotsAllocated");
		assertThat(refused.problems().get(1)).startsWith("transition 'abort' names unknown guard 'everySlotFilled'");
	}

	@Test
	void aGuardThatReadsAFieldTheTransitionDoesNotAcceptIsRefused() {
		// when
		InvalidStatusModelException refused = refuse(
				VALID.replace("    by: system\n", "    by: system\n    guard: chargeClient\n"));
		// then
		assertThat(refused.problems()).containsExactly("transition 'abort' uses guard 'chargeClient', which reads"
				+ " the field 'chargeClient' that the transition does not accept; add it to its fields");
	}

	@Test
	void unknownPermissionsFieldsAndTriggersAreRefused() {
		// when
		InvalidStatusModelException refused = refuse(VALID
			.replace("permission: GENERATE_BOOKINGS\n  - name: abort", "permission: SUPERUSER\n  - name: abort")
			.replace("fields: [chargeClient]", "fields: [chargeClient, refund]")
			.replace("    by: system\n", "    by: system\n    trigger: moonrise\n"));
		// then
		assertThat(refused.problems()).hasSize(3);
		assertThat(refused.problems().get(0))
			.startsWith("transition 'confirm' requires unknown permission 'SUPERUSER'");
		assertThat(refused.problems().get(1)).startsWith("transition 'abort' has unknown trigger 'moonrise'");
		assertThat(refused.problems().get(2)).startsWith("transition 'cancel' accepts unknown field 'refund'");
	}

	@Test
	void apiTransitionsNeedAPermissionAndSystemTransitionsMayNotHaveOne() {
		// when
		InvalidStatusModelException refused = refuse(
				VALID.replace("    permission: GENERATE_BOOKINGS\n  - name: abort", "  - name: abort")
					.replace("    by: system\n", "    by: system\n    permission: ADMIN\n"));
		// then
		assertThat(refused.problems()).hasSize(2);
		assertThat(refused.problems().get(0)).startsWith("transition 'confirm' is fired through the API and needs");
		assertThat(refused.problems().get(1))
			.isEqualTo("transition 'abort' is fired by the system and cannot require a permission");
	}

	@Test
	void timeoutsMustFireATransitionThatLeavesTheirStatusAtAKnownMoment() {
		// when
		InvalidStatusModelException leaves = refuse(
				VALID.replace("transition: abort", "transition: confirm").replace("- status: held", "- status: live"));
		InvalidStatusModelException unknown = refuse(VALID.replace("transition: abort", "transition: vanish"));
		InvalidStatusModelException both = refuse(
				VALID.replace("    transition: abort", "    at: startsAt\n" + "    transition: abort"));
		InvalidStatusModelException moment = refuse(
				VALID.replace("after: ${booking.lifecycle.hold-timeout:PT20M}", "at: teatime"));
		InvalidStatusModelException duration = refuse(
				VALID.replace("${booking.lifecycle.hold-timeout:PT20M}", "twenty minutes"));
		// then
		assertThat(leaves.problems())
			.containsExactly("the timeout of status 'live' fires transition 'confirm', which does not leave 'live'");
		assertThat(unknown.problems())
			.containsExactly("the timeout of status 'held' fires unknown transition 'vanish'");
		assertThat(both.problems()).containsExactly("timeouts[0] (held): a timeout needs either after (a duration)"
				+ " or at (a moment of the booking), and not both");
		assertThat(moment.problems().get(0)).startsWith(
				"the timeout of status 'held' fires at unknown moment 'teatime'; known moments: endsAt, startsAt");
		assertThat(duration.problems())
			.containsExactly("timeouts[0] (held): after 'twenty minutes' is not an ISO-8601 duration such as PT20M");
	}

	@Test
	void rowsAfterAnUnguardedRowOfTheSameTransitionAreRefused() {
		// when
		InvalidStatusModelException refused = refuse(VALID.replace("  - name: abort\n", "  - name: confirm\n"
				+ "    from: [held]\n    to: cancelled\n    by: api\n    permission: ADMIN\n  - name: abort\n"));
		// then
		assertThat(refused.problems()).containsExactly(
				"transition 'confirm' from 'held' has a row to 'cancelled' after a row without a guard, so it can never"
						+ " apply");
	}

	@Test
	void malformedModelsAreRefusedWithWhereAndWhat() {
		// when
		InvalidStatusModelException typo = refuse(
				VALID.replace("occupiesTime: true\n  - name: live", "occupiestime: true\n  - name: live"));
		InvalidStatusModelException types = refuse(
				VALID.replace("initial: true\n    guard", "initial: yes please\n" + "    guard")
					.replace("name: live", "name: Live"));
		InvalidStatusModelException notYaml = refuse("statuses: [held\n");
		InvalidStatusModelException notAMapping = refuse("- held\n");
		InvalidStatusModelException noStatuses = refuse("name: empty\n");
		InvalidStatusModelException placeholder = refuse(
				VALID.replace("${booking.lifecycle.hold-timeout:PT20M}", "${booking.lifecycle.nowhere}"));
		// then
		assertThat(typo.problems().get(0)).startsWith("statuses[0] (held): unknown key 'occupiestime'; known keys: ");
		assertThat(types.problems()).contains("statuses[0] (held): initial must be true or false, not 'yes please'",
				"statuses[1] (Live): name 'Live' must be lower snake case, such as to_be_dispatched");
		assertThat(notYaml.problems().get(0)).startsWith("it is not valid YAML");
		assertThat(notAMapping.problems())
			.containsExactly("it must be a mapping with the keys statuses, transitions and timeouts");
		assertThat(noStatuses.problems()).contains("the model: statuses is required", "the model has no status");
		assertThat(placeholder.problems().get(0)).startsWith("timeouts[0] (held): after: ")
			.contains("booking.lifecycle.nowhere");
	}

	private BookingStatusModel read(String yaml) {
		return reader().read(yaml, "test.yml");
	}

	private InvalidStatusModelException refuse(String yaml) {
		try {
			read(yaml);
		}
		catch (InvalidStatusModelException ex) {
			return ex;
		}
		throw new AssertionError("The model was not refused");
	}

	private StatusModelReader reader() {
		return BookingLifecycleConfiguration.reader(this.environment);
	}

}
