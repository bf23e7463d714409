package org.bookingbatch.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bookingbatch.booking.BookingRepository.NewBooking;
import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists bookings, creates one-off bookings through the validation rules, changes their
 * carers and cancels them; status changes go through the {@link BookingLifecycle}.
 */
@Service
class BookingService {

	static final int MAX_CARERS = 4;

	/**
	 * The issue codes about a booking's carers, which a change of carers must not raise.
	 */
	private static final Set<IssueCode> CARER_ISSUES = EnumSet.of(IssueCode.CARER_INACTIVE, IssueCode.CARER_NOT_IN_TEAM,
			IssueCode.CARER_UNAVAILABLE, IssueCode.CARER_CLASH, IssueCode.MISSING_ADDRESS, IssueCode.UNALLOCATED);

	private final BookingRepository bookings;

	private final ValidationEngine engine;

	private final BookingLifecycle lifecycle;

	private final LifecycleRepository states;

	private final BookingHistory history;

	private final Clock clock;

	private final ZoneId zone;

	BookingService(BookingRepository bookings, ValidationEngine engine, BookingLifecycle lifecycle,
			LifecycleRepository states, BookingHistory history, Clock clock, ZoneId providerZone) {
		this.bookings = bookings;
		this.engine = engine;
		this.lifecycle = lifecycle;
		this.states = states;
		this.history = history;
		this.clock = clock;
		this.zone = providerZone;
	}

	@Transactional(readOnly = true)
	PageResponse<Booking> find(BookingFilter filter, PageParams page) {
		return this.bookings.find(filter, page);
	}

	@Transactional(readOnly = true)
	Booking get(long id) {
		return this.bookings.findById(id).orElseThrow(() -> new NotFoundException("Booking", id));
	}

	/**
	 * Creates a one-off booking when its fields are valid and no validation rule gives an
	 * error. The client's and carers' rows stay locked from the check to the insert, so
	 * that two concurrent requests for the same carer or client cannot both pass the
	 * clash check; read committed lets the check see what the transaction that held the
	 * locks before committed.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	OneOffBookingResponse create(OneOffBookingRequest request, @Nullable String createdBy) {
		List<FieldError> errors = new ArrayList<>();
		int carersRequired = (request.carersRequired() != null) ? request.carersRequired() : 1;
		List<@Nullable Long> carerIds = (request.carerIds() != null) ? request.carerIds() : List.of();
		checkShape(request, carersRequired, carerIds, errors);
		checkReferences(request, carerIds, errors);
		InvalidRequestException.throwIfAny(errors);

		long clientId = Objects.requireNonNull(request.clientId());
		long teamId = Objects.requireNonNull(request.teamId());
		Instant startsAt = Objects.requireNonNull(request.startsAt());
		Instant endsAt = Objects.requireNonNull(request.endsAt());
		List<Long> carers = carerIds.stream().map(Objects::requireNonNull).toList();
		LocalDate occurrenceDate = LocalDate.ofInstant(startsAt, this.zone);
		BookingCandidate candidate = new BookingCandidate(0, clientId, teamId, null, occurrenceDate, startsAt, endsAt,
				carersRequired, carers, null);
		List<ValidationIssue> issues = this.engine.validate(List.of(candidate), CandidatePeers.NONE)
			.get(candidate.key());
		if (ValidationEngine.hasErrors(issues)) {
			long count = issues.stream().filter((issue) -> issue.severity() == Severity.ERROR).count();
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable Content",
					"The booking breaks " + count + ((count == 1) ? " validation rule" : " validation rules"),
					Map.of("issues", issues));
		}
		String status = this.lifecycle.initialStatus(carersRequired, carers, Boolean.TRUE.equals(request.hold()),
				Boolean.TRUE.equals(request.provisional()));
		Instant now = this.clock.instant();
		long id = this.bookings.insert(new NewBooking(clientId, teamId, occurrenceDate, startsAt, endsAt,
				carersRequired, carers, status, now, createdBy));
		this.lifecycle.created(id, status, (createdBy != null) ? createdBy : BookingLifecycle.SYSTEM, now, null);
		return OneOffBookingResponse.of(get(id), issues);
	}

	private static void checkShape(OneOffBookingRequest request, int carersRequired, List<@Nullable Long> carerIds,
			List<FieldError> errors) {
		required(request.clientId(), "clientId", errors);
		required(request.teamId(), "teamId", errors);
		required(request.startsAt(), "startsAt", errors);
		required(request.endsAt(), "endsAt", errors);
		if (request.startsAt() != null && request.endsAt() != null) {
			if (!request.endsAt().isAfter(request.startsAt())) {
				errors.add(new FieldError("endsAt", "must be after startsAt"));
			}
			else if (Duration.between(request.startsAt(), request.endsAt())
				.compareTo(ValidationEngine.MAX_VISIT_LENGTH) > 0) {
				errors.add(new FieldError("endsAt",
						"must be at most " + ValidationEngine.MAX_VISIT_LENGTH.toHours() + " hours after startsAt"));
			}
		}
		boolean carersRequiredValid = carersRequired >= 1 && carersRequired <= MAX_CARERS;
		if (!carersRequiredValid) {
			errors.add(new FieldError("carersRequired", "must be between 1 and " + MAX_CARERS));
		}
		if (request.hold() != null && request.provisional() != null && request.hold() && request.provisional()) {
			errors.add(new FieldError("provisional", "must not be true for a hold"));
		}
		checkCarers(carerIds, carersRequiredValid ? carersRequired : Integer.MAX_VALUE, errors);
	}

	private static void checkCarers(List<@Nullable Long> carerIds, int carersRequired, List<FieldError> errors) {
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < carerIds.size(); i++) {
			Long carerId = carerIds.get(i);
			if (carerId == null) {
				errors.add(new FieldError("carerIds[" + i + "]", "must not be null"));
			}
			else if (!seen.add(carerId)) {
				errors.add(new FieldError("carerIds[" + i + "]", "carer " + carerId + " is listed twice"));
			}
		}
		if (carerIds.size() > carersRequired) {
			errors.add(new FieldError("carerIds", "must list at most " + carersRequired + " carers (carersRequired)"));
		}
	}

	/**
	 * Checks that the referenced rows exist, locking the client and the carers; the
	 * client first, then the carers in id order, as every one-off booking does.
	 */
	private void checkReferences(OneOffBookingRequest request, List<@Nullable Long> carerIds, List<FieldError> errors) {
		boolean clientExists = false;
		if (request.clientId() != null) {
			clientExists = this.bookings.lockClient(request.clientId());
			if (!clientExists) {
				errors.add(new FieldError("clientId", "client " + request.clientId() + " does not exist"));
			}
		}
		if (request.teamId() != null) {
			if (!this.bookings.teamExists(request.teamId())) {
				errors.add(new FieldError("teamId", "team " + request.teamId() + " does not exist"));
			}
			else if (clientExists && !this.bookings.clientInTeam(request.clientId(), request.teamId())) {
				errors.add(new FieldError("teamId",
						"client " + request.clientId() + " is not in team " + request.teamId()));
			}
		}
		Set<Long> existing = this.bookings.lockCarers(carerIds.stream().filter(Objects::nonNull).distinct().toList());
		for (int i = 0; i < carerIds.size(); i++) {
			Long carerId = carerIds.get(i);
			if (carerId != null && !existing.contains(carerId) && carerIds.indexOf(carerId) == i) {
				errors.add(new FieldError("carerIds[" + i + "]", "carer " + carerId + " does not exist"));
			}
		}
	}

	/**
	 * Cancels a booking through the model's {@code cancel} transition; it then no longer
	 * clashes.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	Booking cancel(long id, CancelBookingRequest request, BookingLifecycle.Caller caller) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reason", request.reason());
		this.lifecycle.fire(id, ModelBookingStatusPolicy.CANCEL, body, caller);
		return get(id);
	}

	/** Fires a named transition of the status model. */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	Booking fire(long id, String transition, Map<String, Object> body, BookingLifecycle.Caller caller) {
		this.lifecycle.fire(id, transition, body, caller);
		return get(id);
	}

	/** The booking's status changes, oldest first. */
	@Transactional(readOnly = true)
	List<BookingHistory.HistoryEntry> history(long id) {
		if (this.states.status(id).isEmpty()) {
			throw new NotFoundException("Booking", id);
		}
		return this.history.of(id);
	}

	/**
	 * Replaces the carers of a booking whose status lets them change, after checking the
	 * new allocation with the validation rules about carers; the allocation then fires
	 * its transition (such as {@code dispatch}) by itself. The booking's row is locked
	 * first, then the carers' rows in id order, as one-off bookings do after the client.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	OneOffBookingResponse changeCarers(long id, CarersRequest request, String actor) {
		if (request.carerIds() == null) {
			throw new InvalidRequestException("carerIds", "must not be null");
		}
		List<@Nullable Long> carerIds = request.carerIds();
		Instant now = this.clock.instant();
		BookingState booking = this.lifecycle.lockCurrent(id, now);
		if (!this.lifecycle.carersEditable(booking.status())) {
			throw ProblemException.conflict(
					"Booking " + id + " is " + booking.status() + "; its carers can no longer change",
					this.lifecycle.refusal(booking.status()));
		}
		List<FieldError> errors = new ArrayList<>();
		checkCarers(carerIds, booking.carersRequired(), errors);
		Set<Long> existing = this.bookings.lockCarers(carerIds.stream().filter(Objects::nonNull).distinct().toList());
		for (int i = 0; i < carerIds.size(); i++) {
			Long carerId = carerIds.get(i);
			if (carerId != null && !existing.contains(carerId) && carerIds.indexOf(carerId) == i) {
				errors.add(new FieldError("carerIds[" + i + "]", "carer " + carerId + " does not exist"));
			}
		}
		InvalidRequestException.throwIfAny(errors);
		List<Long> carers = carerIds.stream().map(Objects::requireNonNull).toList();
		BookingCandidate candidate = booking.candidate(carers);
		// Issues about the client (a suspension or contract that changed since) are not
		// the carers' business; only what the new allocation causes refuses the change.
		List<ValidationIssue> issues = this.engine.validateExisting(candidate, id)
			.stream()
			.filter((issue) -> CARER_ISSUES.contains(issue.code()))
			.filter((issue) -> issue.code() != IssueCode.MISSING_ADDRESS || issue.message().startsWith("Carer "))
			.toList();
		if (ValidationEngine.hasErrors(issues)) {
			long count = issues.stream().filter((issue) -> issue.severity() == Severity.ERROR).count();
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable Content",
					"The new carers break " + count + ((count == 1) ? " validation rule" : " validation rules"),
					Map.of("issues", issues));
		}
		this.states.replaceCarers(booking, carers);
		this.lifecycle.allocationChanged(booking, carers, actor, now);
		return OneOffBookingResponse.of(get(id), issues);
	}

	private static void required(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "must not be null"));
		}
	}

}
