package org.bookingbatch.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminFormatsTests {

	AdminFormats london = new AdminFormats(ZoneId.of("Europe/London"));

	@Test
	void timesAreShownInTheProviderZoneInSummerAndWinter() {
		// given
		Instant summer = Instant.parse("2026-07-06T07:00:00Z");
		Instant winter = Instant.parse("2026-01-05T07:00:00Z");

		// when / then
		assertThat(this.london.time(summer)).isEqualTo("08:00");
		assertThat(this.london.time(winter)).isEqualTo("07:00");
		assertThat(this.london.dateTime(summer)).isEqualTo("6 Jul 2026, 08:00:00");
	}

	@Test
	void spanNamesTheEndDayOnlyWhenTheVisitRunsPastMidnight() {
		// given
		Instant lateStart = Instant.parse("2026-01-05T23:30:00Z");

		// when / then
		assertThat(this.london.span(lateStart, lateStart.plusSeconds(3600))).isEqualTo("23:30–00:30 (Tue 6 Jan)");
		assertThat(this.london.span(lateStart.minusSeconds(3600), lateStart)).isEqualTo("22:30–23:30");
	}

	@Test
	void rangeOfOneDayIsThatDay() {
		// given
		LocalDate day = LocalDate.of(2026, 4, 6);

		// when / then
		assertThat(this.london.range(day, day)).isEqualTo("Mon 6 Apr 2026");
		assertThat(this.london.range(day, day.plusDays(6))).isEqualTo("Mon 6 Apr 2026 – Sun 12 Apr 2026");
	}

}
