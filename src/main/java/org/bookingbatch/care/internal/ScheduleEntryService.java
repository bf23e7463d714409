package org.bookingbatch.care.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bookingbatch.care.CareModelChanged;
import org.bookingbatch.care.ScheduleEntry;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ScheduleEntryService {

	static final int MAX_CYCLE_WEEKS = 4;

	static final int MAX_CARERS = 4;

	static final int MAX_DURATION_MINUTES = 24 * 60;

	private final ScheduleEntryRepository entries;

	private final References references;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScheduleEntryService(ScheduleEntryRepository entries, References references, ApplicationEventPublisher events,
			Clock clock) {
		this.entries = entries;
		this.references = references;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	ScheduleEntryResponse create(ScheduleEntryRequest request) {
		ScheduleEntryRepository.Values values = validate(request);
		long id = this.entries.insert(values, this.clock.instant());
		this.events.publishEvent(new CareModelChanged(CareModelChanged.What.SCHEDULE_ENTRY, id,
				Set.of(values.clientId()), Set.copyOf(values.carerIds()), Set.of(id)));
		return get(id);
	}

	@Transactional
	ScheduleEntryResponse update(long id, ScheduleEntryRequest request) {
		ScheduleEntry current = this.entries.lock(id).orElseThrow(() -> new NotFoundException("Schedule entry", id));
		ScheduleEntryRepository.Values values = validate(request);
		Versions.check(request.version(), current.version(), "Schedule entry", id);
		this.entries.update(id, values, this.clock.instant());
		// Batches hold occurrences of the entry under its old client and carers as well
		// as the new ones: all of them are affected.
		Set<Long> clients = new HashSet<>(List.of(current.clientId(), values.clientId()));
		Set<Long> carers = new HashSet<>(current.carerIds());
		carers.addAll(values.carerIds());
		this.events
			.publishEvent(new CareModelChanged(CareModelChanged.What.SCHEDULE_ENTRY, id, clients, carers, Set.of(id)));
		return get(id);
	}

	@Transactional(readOnly = true)
	ScheduleEntryResponse get(long id) {
		return this.entries.find(id)
			.map(ScheduleEntryResponse::of)
			.orElseThrow(() -> new NotFoundException("Schedule entry", id));
	}

	@Transactional(readOnly = true)
	PageResponse<ScheduleEntryResponse> list(@Nullable Long clientId, @Nullable Long teamId, PageParams page) {
		return PageResponse
			.of(this.entries.findPage(clientId, teamId, page), page, this.entries.count(clientId, teamId))
			.map(ScheduleEntryResponse::of);
	}

	private ScheduleEntryRepository.Values validate(ScheduleEntryRequest request) {
		FieldErrors errors = new FieldErrors();
		Long clientId = errors.required("clientId", request.clientId());
		Set<Long> clientTeams = null;
		if (clientId != null) {
			if (this.references.clientExists(clientId)) {
				clientTeams = this.references.teamsOfClient(clientId);
			}
			else {
				errors.add("clientId", "client " + clientId + " does not exist");
			}
		}
		Long teamId = errors.required("teamId", request.teamId());
		if (teamId != null) {
			if (this.references.existingTeams(List.of(teamId)).isEmpty()) {
				errors.add("teamId", "team " + teamId + " does not exist");
			}
			else if (clientTeams != null && !clientTeams.contains(teamId)) {
				errors.add("teamId", "client " + clientId + " is not in team " + teamId);
			}
		}
		Set<DayOfWeek> days = days(errors, request.daysOfWeek());
		LocalTime startTime = errors.required("startTime", request.startTime());
		errors.wholeMinutes("startTime", startTime);
		Integer duration = errors.required("durationMinutes", request.durationMinutes());
		errors.inRange("durationMinutes", duration, 1, MAX_DURATION_MINUTES);
		int cycleWeeks = (request.cycleWeeks() != null) ? request.cycleWeeks() : 1;
		boolean cycleValid = errors.inRange("cycleWeeks", cycleWeeks, 1, MAX_CYCLE_WEEKS);
		LocalDate validFrom = errors.required("validFrom", request.validFrom());
		LocalDate validTo = request.validTo();
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			errors.add("validTo", "must not be before validFrom");
		}
		LocalDate cycleStart = request.cycleStart();
		if (cycleStart != null && cycleStart.getDayOfWeek() != DayOfWeek.MONDAY) {
			errors.add("cycleStart", "must be a Monday; " + cycleStart + " is a " + cycleStart.getDayOfWeek());
		}
		else if (cycleStart == null && validFrom != null) {
			cycleStart = validFrom.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		}
		Set<Integer> weeks = weeks(errors, request.weeks(), cycleValid ? cycleWeeks : null);
		int carersRequired = (request.carersRequired() != null) ? request.carersRequired() : 1;
		boolean carersRequiredValid = errors.inRange("carersRequired", carersRequired, 1, MAX_CARERS);
		List<Long> carerIds = carerIds(errors, request.carerIds(), carersRequiredValid ? carersRequired : null);
		Long contractId = request.serviceContractId();
		if (contractId != null) {
			Optional<Long> owner = this.references.clientOfContract(contractId);
			if (owner.isEmpty()) {
				errors.add("serviceContractId", "service contract " + contractId + " does not exist");
			}
			else if (clientId != null && !owner.get().equals(clientId)) {
				errors.add("serviceContractId", "service contract " + contractId + " belongs to client " + owner.get()
						+ ", not to client " + clientId);
			}
		}
		errors.throwIfAny();
		return new ScheduleEntryRepository.Values(clientId, teamId, days, startTime, duration, cycleWeeks, cycleStart,
				weeks, carersRequired, carerIds, contractId, validFrom, validTo);
	}

	private static Set<DayOfWeek> days(FieldErrors errors, @Nullable List<@Nullable DayOfWeek> given) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		if (given == null || given.isEmpty()) {
			errors.add("daysOfWeek", "must name at least one day");
			return days;
		}
		for (int i = 0; i < given.size(); i++) {
			DayOfWeek day = given.get(i);
			if (day == null) {
				errors.add("daysOfWeek[" + i + "]", "must not be null");
			}
			else {
				days.add(day);
			}
		}
		return days;
	}

	private static Set<Integer> weeks(FieldErrors errors, @Nullable List<@Nullable Integer> given,
			@Nullable Integer cycleWeeks) {
		int last = (cycleWeeks != null) ? cycleWeeks : MAX_CYCLE_WEEKS;
		String range = (cycleWeeks != null) ? "must be between 1 and cycleWeeks (" + cycleWeeks + ")"
				: "must be between 1 and " + MAX_CYCLE_WEEKS;
		if (given == null) {
			return Set.of(1);
		}
		Set<Integer> weeks = new TreeSet<>();
		if (given.isEmpty()) {
			errors.add("weeks", "must name at least one week of the cycle");
			return weeks;
		}
		for (int i = 0; i < given.size(); i++) {
			Integer week = given.get(i);
			if (week == null) {
				errors.add("weeks[" + i + "]", "must not be null");
			}
			else if (week < 1 || week > last) {
				errors.add("weeks[" + i + "]", range);
			}
			else {
				weeks.add(week);
			}
		}
		return weeks;
	}

	private List<Long> carerIds(FieldErrors errors, @Nullable List<@Nullable Long> given,
			@Nullable Integer carersRequired) {
		if (given == null || given.isEmpty()) {
			return List.of();
		}
		if (carersRequired != null && given.size() > carersRequired) {
			errors.add("carerIds", "must list at most carersRequired (" + carersRequired + ") carers");
		}
		Set<Long> existing = this.references
			.existingCarers(given.stream().filter((id) -> id != null).distinct().toList());
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			Long id = given.get(i);
			if (id == null) {
				errors.add("carerIds[" + i + "]", "must not be null");
			}
			else if (!seen.add(id)) {
				errors.add("carerIds[" + i + "]", "carer " + id + " is listed more than once");
			}
			else if (!existing.contains(id)) {
				errors.add("carerIds[" + i + "]", "carer " + id + " does not exist");
			}
		}
		return given.stream().filter((id) -> id != null).distinct().toList();
	}

}
