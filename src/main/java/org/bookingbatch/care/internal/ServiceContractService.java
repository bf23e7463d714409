package org.bookingbatch.care.internal;

import java.time.LocalDate;
import java.util.Set;

import org.bookingbatch.care.CareModelChanged;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ServiceContractService {

	private final ServiceContractRepository contracts;

	private final References references;

	private final ApplicationEventPublisher events;

	ServiceContractService(ServiceContractRepository contracts, References references,
			ApplicationEventPublisher events) {
		this.contracts = contracts;
		this.references = references;
		this.events = events;
	}

	@Transactional
	ServiceContract create(long clientId, ServiceContractRequest request) {
		requireClient(clientId);
		Valid valid = validate(request);
		long id = this.contracts.insert(clientId, valid.serviceType(), valid.startDate(), valid.finishDate());
		publish(id, clientId);
		return get(id);
	}

	@Transactional
	ServiceContract update(long id, ServiceContractRequest request) {
		ServiceContract current = this.contracts.lock(id)
			.orElseThrow(() -> new NotFoundException("Service contract", id));
		Valid valid = validate(request);
		this.contracts.update(id, valid.serviceType(), valid.startDate(), valid.finishDate());
		publish(id, current.clientId());
		return get(id);
	}

	@Transactional(readOnly = true)
	ServiceContract get(long id) {
		return this.contracts.find(id).orElseThrow(() -> new NotFoundException("Service contract", id));
	}

	@Transactional(readOnly = true)
	PageResponse<ServiceContract> list(long clientId, PageParams page) {
		requireClient(clientId);
		return PageResponse.of(this.contracts.findPage(clientId, page), page, this.contracts.count(clientId));
	}

	private record Valid(String serviceType, LocalDate startDate, LocalDate finishDate) {
	}

	private Valid validate(ServiceContractRequest request) {
		FieldErrors errors = new FieldErrors();
		String serviceType = errors.text("serviceType", request.serviceType(),
				ServiceContractRepository.SERVICE_TYPE_LENGTH);
		LocalDate start = errors.required("startDate", request.startDate());
		LocalDate finish = request.finishDate();
		if (start != null && finish != null && finish.isBefore(start)) {
			errors.add("finishDate", "must not be before startDate");
		}
		errors.throwIfAny();
		return new Valid(serviceType, start, finish);
	}

	private void requireClient(long clientId) {
		if (!this.references.clientExists(clientId)) {
			throw new NotFoundException("Client", clientId);
		}
	}

	private void publish(long id, long clientId) {
		this.events.publishEvent(
				new CareModelChanged(CareModelChanged.What.SERVICE_CONTRACT, id, Set.of(clientId), Set.of(), Set.of()));
	}

}
