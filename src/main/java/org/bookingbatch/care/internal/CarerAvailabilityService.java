package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import org.bookingbatch.care.CareModelChanged;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CarerAvailabilityService {

	private final CarerAvailabilityRepository availability;

	private final References references;

	private final ApplicationEventPublisher events;

	CarerAvailabilityService(CarerAvailabilityRepository availability, References references,
			ApplicationEventPublisher events) {
		this.availability = availability;
		this.references = references;
		this.events = events;
	}

	@Transactional
	CarerAvailability create(long carerId, CarerAvailabilityRequest request) {
		requireCarer(carerId);
		FieldErrors errors = new FieldErrors();
		DayOfWeek day = errors.required("dayOfWeek", request.dayOfWeek());
		LocalTime start = errors.required("startTime", request.startTime());
		LocalTime end = errors.required("endTime", request.endTime());
		errors.wholeMinutes("startTime", start);
		errors.wholeMinutes("endTime", end);
		if (start != null && end != null && !end.isAfter(start)) {
			errors.add("endTime", "must be after startTime");
		}
		errors.throwIfAny();
		long id = this.availability.insert(carerId, day, start, end);
		publish(id, carerId);
		return get(id);
	}

	@Transactional
	void delete(long id) {
		CarerAvailability window = this.availability.lock(id)
			.orElseThrow(() -> new NotFoundException("Carer availability", id));
		this.availability.delete(id);
		publish(id, window.carerId());
	}

	@Transactional(readOnly = true)
	CarerAvailability get(long id) {
		return this.availability.find(id).orElseThrow(() -> new NotFoundException("Carer availability", id));
	}

	@Transactional(readOnly = true)
	PageResponse<CarerAvailability> list(long carerId, PageParams page) {
		requireCarer(carerId);
		return PageResponse.of(this.availability.findPage(carerId, page), page, this.availability.count(carerId));
	}

	private void requireCarer(long carerId) {
		if (!this.references.carerExists(carerId)) {
			throw new NotFoundException("Carer", carerId);
		}
	}

	private void publish(long id, long carerId) {
		this.events.publishEvent(new CareModelChanged(CareModelChanged.What.CARER_AVAILABILITY, id, Set.of(),
				Set.of(carerId), Set.of()));
	}

}
