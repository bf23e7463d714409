package org.bookingbatch.care.internal;

import org.jspecify.annotations.Nullable;

record TeamRequest(@Nullable String name) {
}
