package org.bookingbatch.care.internal;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 201 answers with the {@code Location} of what was created.
 */
final class Responses {

	private Responses() {
	}

	static <T> ResponseEntity<T> created(String path, long id, T body) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(body);
	}

}
