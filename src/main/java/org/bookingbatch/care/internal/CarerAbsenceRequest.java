package org.bookingbatch.care.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

record CarerAbsenceRequest(@Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String reason) {
}
