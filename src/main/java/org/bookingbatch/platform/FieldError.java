package org.bookingbatch.platform;

/**
 * One invalid field of a request, as listed in a 400 problem detail.
 */
public record FieldError(String field, String message) {
}
