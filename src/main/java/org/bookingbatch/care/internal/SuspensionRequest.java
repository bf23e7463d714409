package org.bookingbatch.care.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

record SuspensionRequest(@Nullable Instant startsAt, @Nullable Instant finishesAt, @Nullable String reason) {
}
