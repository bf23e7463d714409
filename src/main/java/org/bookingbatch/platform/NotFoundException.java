package org.bookingbatch.platform;

/**
 * An id in the path (or a referenced id in the body) names nothing; answered 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " does not exist");
	}

}
