package org.bookingbatch.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.bookingbatch.care.CareModelChanged;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CarerService {

	private final CarerRepository carers;

	private final References references;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CarerService(CarerRepository carers, References references, ApplicationEventPublisher events, Clock clock) {
		this.carers = carers;
		this.references = references;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Carer create(CarerRequest request) {
		CarerRepository.Values values = validate(request);
		long id = this.carers.insert(values, this.clock.instant());
		publish(id);
		return get(id);
	}

	@Transactional
	Carer update(long id, CarerRequest request) {
		long version = this.carers.lockVersion(id).orElseThrow(() -> new NotFoundException("Carer", id));
		CarerRepository.Values values = validate(request);
		Versions.check(request.version(), version, "Carer", id);
		this.carers.update(id, values, this.clock.instant());
		publish(id);
		return get(id);
	}

	@Transactional(readOnly = true)
	Carer get(long id) {
		return this.carers.find(id).orElseThrow(() -> new NotFoundException("Carer", id));
	}

	@Transactional(readOnly = true)
	PageResponse<Carer> list(@Nullable Long teamId, PageParams page) {
		return PageResponse.of(this.carers.findPage(teamId, page), page, this.carers.count(teamId));
	}

	private CarerRepository.Values validate(CarerRequest request) {
		FieldErrors errors = new FieldErrors();
		String name = errors.text("name", request.name(), CarerRepository.NAME_LENGTH);
		var teamIds = this.references.checkTeamIds(errors, request.teamIds());
		LocalDate start = request.employmentStart();
		LocalDate finish = request.employmentFinish();
		if (start != null && finish != null && finish.isBefore(start)) {
			errors.add("employmentFinish", "must not be before employmentStart");
		}
		errors.throwIfAny();
		return new CarerRepository.Values(name, teamIds, !Boolean.FALSE.equals(request.active()),
				!Boolean.FALSE.equals(request.hasAddress()), start, finish);
	}

	private void publish(long id) {
		this.events.publishEvent(new CareModelChanged(CareModelChanged.What.CARER, id, Set.of(), Set.of(id), Set.of()));
	}

}
