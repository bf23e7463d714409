package org.bookingbatch.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Lists bookings, creates one-off bookings through the validation rules and cancels
 * bookings.
 */
@Service
class BookingService {

	static final int MAX_CARERS = 4;

	static final int MAX_REASON_LENGTH = 500;

	private final BookingRepository bookings;

	private final ValidationEngine engine;

	private final BookingStatusPolicy statuses;

	private final Clock clock;

	private final ZoneId zone;

	BookingService(BookingRepository bookings, ValidationEngine engine, BookingStatusPolicy statuses, Clock clock,
			ZoneId providerZone) {
		this.bookings = bookings;
		this.engine = engine;
		this.statuses = statuses;
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
		long id = this.bookings
			.insert(new NewBooking(clientId, teamId, occurrenceDate, startsAt, endsAt, carersRequired, carers,
					this.statuses.statusForAllocation(carersRequired, carers.size()), this.clock.instant(), createdBy));
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
		if (carersRequiredValid && carerIds.size() > carersRequired) {
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

	/** Cancels a booking that its status lets be cancelled; it then no longer clashes. */
	@Transactional
	Booking cancel(long id, CancelBookingRequest request) {
		String reason = request.reason();
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("reason", "must not be blank");
		}
		if (reason.length() > MAX_REASON_LENGTH) {
			throw new InvalidRequestException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
		}
		String status = this.bookings.lockStatus(id).orElseThrow(() -> new NotFoundException("Booking", id));
		if (!this.statuses.cancellable(status)) {
			throw ProblemException.conflict("Booking " + id + " is " + status + " and can no longer be cancelled",
					Map.of("bookingStatus", status));
		}
		this.bookings.cancel(id, this.statuses.cancelledStatus(), this.clock.instant(), reason.strip());
		return get(id);
	}

	private static void required(@Nullable Object value, String field, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "must not be null"));
		}
	}

}
