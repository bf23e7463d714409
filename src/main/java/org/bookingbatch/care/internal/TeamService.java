package org.bookingbatch.care.internal;

import java.util.Set;

import org.bookingbatch.care.CareModelChanged;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TeamService {

	private final TeamRepository teams;

	private final ApplicationEventPublisher events;

	TeamService(TeamRepository teams, ApplicationEventPublisher events) {
		this.teams = teams;
		this.events = events;
	}

	@Transactional
	Team create(TeamRequest request) {
		FieldErrors errors = new FieldErrors();
		String name = errors.text("name", request.name(), TeamRepository.NAME_LENGTH);
		if (name != null) {
			this.teams.findIdByName(name)
				.ifPresent((existing) -> errors.add("name", "is already the name of team " + existing));
		}
		errors.throwIfAny();
		long id = this.teams.insert(name);
		this.events.publishEvent(new CareModelChanged(CareModelChanged.What.TEAM, id, Set.of(), Set.of(), Set.of()));
		return get(id);
	}

	@Transactional(readOnly = true)
	Team get(long id) {
		return this.teams.find(id).orElseThrow(() -> new NotFoundException("Team", id));
	}

	@Transactional(readOnly = true)
	PageResponse<Team> list(PageParams page) {
		return PageResponse.of(this.teams.findPage(page), page, this.teams.count());
	}

}
