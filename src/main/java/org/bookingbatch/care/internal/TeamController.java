package org.bookingbatch.care.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.QueryParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/teams")
class TeamController {

	private final TeamService teams;

	TeamController(TeamService teams) {
		this.teams = teams;
	}

	@PostMapping
	ResponseEntity<Team> create(@RequestBody TeamRequest request) {
		Team team = this.teams.create(request);
		return Responses.created("/api/teams/{id}", team.id(), team);
	}

	@GetMapping("/{id}")
	Team get(@PathVariable long id) {
		return this.teams.get(id);
	}

	@GetMapping
	PageResponse<Team> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request);
		return this.teams.list(PageParams.of(page, size));
	}

}
