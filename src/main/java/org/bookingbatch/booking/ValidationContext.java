package org.bookingbatch.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything the rules need about one set of candidates, loaded up front in a few
 * set-based queries (see {@link ValidationDataLoader}), so that rules only look things up
 * in memory.
 */
final class ValidationContext {

	private final ValidationProperties settings;

	private final IssueFormat format;

	private final Map<Long, Client> clients;

	private final Map<Long, String> teamNames;

	private final Map<Long, Carer> carers;

	private final Map<Long, Timeline<Absence>> absences;

	private final Map<Long, List<AvailabilityWindow>> availability;

	private final Map<Long, List<Contract>> contracts;

	private final Map<Long, Timeline<Suspension>> suspensions;

	private final Map<Long, Timeline<ExistingBooking>> carerBookings;

	private final Map<Long, Timeline<ExistingBooking>> clientBookings;

	private final Map<OccurrenceKey, ExistingBooking> bookedOccurrences;

	private final Map<Long, Timeline<BookingCandidate>> carerVisits;

	private final Map<Long, Timeline<BookingCandidate>> clientVisits;

	ValidationContext(ValidationProperties settings, IssueFormat format, Map<Long, Client> clients,
			Map<Long, String> teamNames, Map<Long, Carer> carers, Map<Long, Timeline<Absence>> absences,
			Map<Long, List<AvailabilityWindow>> availability, Map<Long, List<Contract>> contracts,
			Map<Long, Timeline<Suspension>> suspensions, Map<Long, Timeline<ExistingBooking>> carerBookings,
			Map<Long, Timeline<ExistingBooking>> clientBookings, Map<OccurrenceKey, ExistingBooking> bookedOccurrences,
			Map<Long, Timeline<BookingCandidate>> carerVisits, Map<Long, Timeline<BookingCandidate>> clientVisits) {
		this.settings = settings;
		this.format = format;
		this.clients = clients;
		this.teamNames = teamNames;
		this.carers = carers;
		this.absences = absences;
		this.availability = availability;
		this.contracts = contracts;
		this.suspensions = suspensions;
		this.carerBookings = carerBookings;
		this.clientBookings = clientBookings;
		this.bookedOccurrences = bookedOccurrences;
		this.carerVisits = carerVisits;
		this.clientVisits = clientVisits;
	}

	ValidationProperties settings() {
		return this.settings;
	}

	IssueFormat format() {
		return this.format;
	}

	@Nullable Client client(long id) {
		return this.clients.get(id);
	}

	/** The client's name, or its id when it does not exist. */
	String clientName(long id) {
		Client client = this.clients.get(id);
		return (client != null) ? client.name() : String.valueOf(id);
	}

	/** The team's name, or its id when it does not exist. */
	String teamName(long id) {
		return Objects.requireNonNullElse(this.teamNames.get(id), String.valueOf(id));
	}

	@Nullable Carer carer(long id) {
		return this.carers.get(id);
	}

	/** The carer's name, or its id when it does not exist. */
	String carerName(long id) {
		Carer carer = this.carers.get(id);
		return (carer != null) ? carer.name() : String.valueOf(id);
	}

	/** The candidate's allocated carers, each once. */
	static List<Long> allocatedCarers(BookingCandidate candidate) {
		// asked by every rule of every candidate: most visits have one carer
		List<Long> carers = candidate.carerIds();
		return (carers.size() < 2) ? carers : carers.stream().distinct().toList();
	}

	List<Absence> absencesOverlapping(long carerId, Instant from, Instant to) {
		return this.absences.getOrDefault(carerId, Timeline.empty()).overlapping(from, to);
	}

	List<AvailabilityWindow> availability(long carerId) {
		return this.availability.getOrDefault(carerId, List.of());
	}

	List<Contract> contracts(long clientId) {
		return this.contracts.getOrDefault(clientId, List.of());
	}

	List<Suspension> suspensionsOverlapping(long clientId, Instant from, Instant to) {
		return this.suspensions.getOrDefault(clientId, Timeline.empty()).overlapping(from, to);
	}

	/**
	 * Bookings of the carer that occupy time and overlap the candidate, except a booking
	 * of the candidate's own occurrence (that is ALREADY_BOOKED, not a clash).
	 */
	List<ExistingBooking> carerBookingsOverlapping(long carerId, BookingCandidate candidate) {
		return this.carerBookings.getOrDefault(carerId, Timeline.empty())
			.overlapping(candidate.startsAt(), candidate.endsAt())
			.stream()
			.filter((booking) -> !booking.isOccurrenceOf(candidate))
			.toList();
	}

	/** As {@link #carerBookingsOverlapping}, for the candidate's client. */
	List<ExistingBooking> clientBookingsOverlapping(BookingCandidate candidate) {
		return this.clientBookings.getOrDefault(candidate.clientId(), Timeline.empty())
			.overlapping(candidate.startsAt(), candidate.endsAt())
			.stream()
			.filter((booking) -> !booking.isOccurrenceOf(candidate))
			.toList();
	}

	/** The booking that counts as booked for the candidate's occurrence, if any. */
	@Nullable ExistingBooking bookedOccurrence(BookingCandidate candidate) {
		Long entryId = candidate.scheduleEntryId();
		return (entryId != null) ? this.bookedOccurrences.get(new OccurrenceKey(entryId, candidate.occurrenceDate()))
				: null;
	}

	/**
	 * Other candidates of this call and peers that allocate the carer and overlap the
	 * candidate.
	 */
	List<BookingCandidate> otherVisitsOfCarer(long carerId, BookingCandidate candidate) {
		return others(this.carerVisits.getOrDefault(carerId, Timeline.empty()), candidate);
	}

	/**
	 * Other candidates of this call and peers of the candidate's client that overlap it.
	 */
	List<BookingCandidate> otherVisitsOfClient(BookingCandidate candidate) {
		return others(this.clientVisits.getOrDefault(candidate.clientId(), Timeline.empty()), candidate);
	}

	private static List<BookingCandidate> others(Timeline<BookingCandidate> visits, BookingCandidate candidate) {
		return visits.overlapping(candidate.startsAt(), candidate.endsAt())
			.stream()
			.filter((other) -> other.key() != candidate.key())
			.toList();
	}

	record Client(long id, String name, boolean active, boolean hasAddress) {
	}

	record Carer(long id, String name, boolean active, boolean hasAddress, @Nullable LocalDate employmentStart,
			@Nullable LocalDate employmentFinish, Set<Long> teamIds) {
	}

	record Absence(long carerId, Instant startsAt, Instant endsAt, String reason) {
	}

	record AvailabilityWindow(long carerId, DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime) {
	}

	record Contract(long id, long clientId, String serviceType, LocalDate startDate, @Nullable LocalDate finishDate) {

		boolean activeOn(LocalDate date) {
			return !this.startDate.isAfter(date) && (this.finishDate == null || !this.finishDate.isBefore(date));
		}

	}

	/** A suspension; {@code finishesAt} null means open-ended. */
	record Suspension(long clientId, Instant startsAt, @Nullable Instant finishesAt, String reason) {

		Instant endOrMax() {
			return (this.finishesAt != null) ? this.finishesAt : Instant.MAX;
		}

	}

	record ExistingBooking(long id, long clientId, String clientName, @Nullable Long scheduleEntryId,
			LocalDate occurrenceDate, Instant startsAt, Instant endsAt, String status) {

		boolean isOccurrenceOf(BookingCandidate candidate) {
			return this.scheduleEntryId != null && this.scheduleEntryId.equals(candidate.scheduleEntryId())
					&& this.occurrenceDate.equals(candidate.occurrenceDate());
		}

	}

	record OccurrenceKey(long scheduleEntryId, LocalDate occurrenceDate) {
	}

}
