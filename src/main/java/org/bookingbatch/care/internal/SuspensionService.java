package org.bookingbatch.care.internal;

import java.time.Instant;
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
class SuspensionService {

	private final SuspensionRepository suspensions;

	private final References references;

	private final ApplicationEventPublisher events;

	SuspensionService(SuspensionRepository suspensions, References references, ApplicationEventPublisher events) {
		this.suspensions = suspensions;
		this.references = references;
		this.events = events;
	}

	@Transactional
	Suspension create(long clientId, SuspensionRequest request) {
		requireClient(clientId);
		Valid valid = validate(request);
		long id = this.suspensions.insert(clientId, valid.startsAt(), valid.finishesAt(), valid.reason());
		publish(id, clientId);
		return get(id);
	}

	@Transactional
	Suspension update(long id, SuspensionRequest request) {
		Suspension current = this.suspensions.lock(id).orElseThrow(() -> new NotFoundException("Suspension", id));
		Valid valid = validate(request);
		this.suspensions.update(id, valid.startsAt(), valid.finishesAt(), valid.reason());
		publish(id, current.clientId());
		return get(id);
	}

	@Transactional(readOnly = true)
	Suspension get(long id) {
		return this.suspensions.find(id).orElseThrow(() -> new NotFoundException("Suspension", id));
	}

	@Transactional(readOnly = true)
	PageResponse<Suspension> list(long clientId, PageParams page) {
		requireClient(clientId);
		return PageResponse.of(this.suspensions.findPage(clientId, page), page, this.suspensions.count(clientId));
	}

	private record Valid(Instant startsAt, @Nullable Instant finishesAt, String reason) {
	}

	private Valid validate(SuspensionRequest request) {
		FieldErrors errors = new FieldErrors();
		Instant startsAt = errors.required("startsAt", request.startsAt());
		Instant finishesAt = request.finishesAt();
		String reason = errors.text("reason", request.reason(), SuspensionRepository.REASON_LENGTH);
		if (startsAt != null && finishesAt != null && finishesAt.isBefore(startsAt)) {
			errors.add("finishesAt", "must not be before startsAt");
		}
		errors.throwIfAny();
		return new Valid(startsAt, finishesAt, reason);
	}

	private void requireClient(long clientId) {
		if (!this.references.clientExists(clientId)) {
			throw new NotFoundException("Client", clientId);
		}
	}

	private void publish(long id, long clientId) {
		this.events.publishEvent(
				new CareModelChanged(CareModelChanged.What.SUSPENSION, id, Set.of(clientId), Set.of(), Set.of()));
	}

}
