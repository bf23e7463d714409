package org.bookingbatch.care.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.QueryParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CarerAbsenceController {

	private final CarerAbsenceService absences;

	CarerAbsenceController(CarerAbsenceService absences) {
		this.absences = absences;
	}

	@PostMapping("/carers/{carerId}/absences")
	ResponseEntity<CarerAbsence> create(@PathVariable long carerId, @RequestBody CarerAbsenceRequest request) {
		CarerAbsence absence = this.absences.create(carerId, request);
		return Responses.created("/api/carer-absences/{id}", absence.id(), absence);
	}

	@GetMapping("/carers/{carerId}/absences")
	PageResponse<CarerAbsence> list(@PathVariable long carerId, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		QueryParameters.allowOnly(request);
		return this.absences.list(carerId, PageParams.of(page, size));
	}

	@GetMapping("/carer-absences/{id}")
	CarerAbsence get(@PathVariable long id) {
		return this.absences.get(id);
	}

	@DeleteMapping("/carer-absences/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.absences.delete(id);
		return ResponseEntity.noContent().build();
	}

}
