package org.bookingbatch.care.internal;

import java.time.Clock;
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
class ClientService {

	private final ClientRepository clients;

	private final References references;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClientService(ClientRepository clients, References references, ApplicationEventPublisher events, Clock clock) {
		this.clients = clients;
		this.references = references;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Client create(ClientRequest request) {
		ClientRepository.Values values = validate(request);
		long id = this.clients.insert(values, this.clock.instant());
		publish(id);
		return get(id);
	}

	@Transactional
	Client update(long id, ClientRequest request) {
		long version = this.clients.lockVersion(id).orElseThrow(() -> new NotFoundException("Client", id));
		ClientRepository.Values values = validate(request);
		Versions.check(request.version(), version, "Client", id);
		this.clients.update(id, values, this.clock.instant());
		publish(id);
		return get(id);
	}

	@Transactional(readOnly = true)
	Client get(long id) {
		return this.clients.find(id).orElseThrow(() -> new NotFoundException("Client", id));
	}

	@Transactional(readOnly = true)
	PageResponse<Client> list(@Nullable Long teamId, PageParams page) {
		return PageResponse.of(this.clients.findPage(teamId, page), page, this.clients.count(teamId));
	}

	private ClientRepository.Values validate(ClientRequest request) {
		FieldErrors errors = new FieldErrors();
		String name = errors.text("name", request.name(), ClientRepository.NAME_LENGTH);
		var teamIds = this.references.checkTeamIds(errors, request.teamIds());
		errors.throwIfAny();
		return new ClientRepository.Values(name, teamIds, !Boolean.FALSE.equals(request.active()),
				!Boolean.FALSE.equals(request.hasAddress()));
	}

	private void publish(long id) {
		this.events
			.publishEvent(new CareModelChanged(CareModelChanged.What.CLIENT, id, Set.of(id), Set.of(), Set.of()));
	}

}
