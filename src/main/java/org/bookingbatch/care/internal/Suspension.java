package org.bookingbatch.care.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A period without visits for a client (hospital stay, respite); open-ended without
 * {@code finishesAt}.
 */
record Suspension(long id, long clientId, Instant startsAt, @Nullable Instant finishesAt, String reason) {
}
