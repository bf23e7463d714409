package org.bookingbatch.care.internal;

import java.time.Instant;
import java.util.Set;

import org.bookingbatch.care.CareModelChanged;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CarerAbsenceService {

	private final CarerAbsenceRepository absences;

	private final References references;

	private final ApplicationEventPublisher events;

	CarerAbsenceService(CarerAbsenceRepository absences, References references, ApplicationEventPublisher events) {
		this.absences = absences;
		this.references = references;
		this.events = events;
	}

	@Transactional
	CarerAbsence create(long carerId, CarerAbsenceRequest request) {
		requireCarer(carerId);
		FieldErrors errors = new FieldErrors();
		Instant startsAt = errors.required("startsAt", request.startsAt());
		Instant endsAt = errors.required("endsAt", request.endsAt());
		String reason = errors.text("reason", request.reason(), CarerAbsenceRepository.REASON_LENGTH);
		if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
			errors.add("endsAt", "must not be before startsAt");
		}
		errors.throwIfAny();
		long id = this.absences.insert(carerId, startsAt, endsAt, reason);
		publish(id, carerId);
		return get(id);
	}

	@Transactional
	void delete(long id) {
		CarerAbsence absence = this.absences.lock(id).orElseThrow(() -> new NotFoundException("Carer absence", id));
		this.absences.delete(id);
		publish(id, absence.carerId());
	}

	@Transactional(readOnly = true)
	CarerAbsence get(long id) {
		return this.absences.find(id).orElseThrow(() -> new NotFoundException("Carer absence", id));
	}

	@Transactional(readOnly = true)
	PageResponse<CarerAbsence> list(long carerId, PageParams page) {
		requireCarer(carerId);
		return PageResponse.of(this.absences.findPage(carerId, page), page, this.absences.count(carerId));
	}

	private void requireCarer(long carerId) {
		if (!this.references.carerExists(carerId)) {
			throw new NotFoundException("Carer", carerId);
		}
	}

	private void publish(long id, long carerId) {
		this.events.publishEvent(
				new CareModelChanged(CareModelChanged.What.CARER_ABSENCE, id, Set.of(), Set.of(carerId), Set.of()));
	}

}
