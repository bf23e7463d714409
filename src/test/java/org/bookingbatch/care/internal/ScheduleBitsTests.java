package org.bookingbatch.care.internal;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleBitsTests {

	@Test
	void daysAreBitsFromMondayUp() {
		// when
		int monday = ScheduleBits.ofDays(Set.of(DayOfWeek.MONDAY));
		int sunday = ScheduleBits.ofDays(Set.of(DayOfWeek.SUNDAY));
		int weekdays = ScheduleBits.ofDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
		// then
		assertThat(monday).isEqualTo(0b1);
		assertThat(sunday).isEqualTo(0b1000000);
		assertThat(weekdays).isEqualTo(0b11111);
	}

	@Test
	void everySetOfDaysSurvivesTheRoundTrip() {
		for (int bits = 0; bits < 128; bits++) {
			// when
			Set<DayOfWeek> days = ScheduleBits.days(bits);
			// then
			assertThat(ScheduleBits.ofDays(days)).isEqualTo(bits);
		}
	}

	@Test
	void weeksAreBitsFromWeekOneUp() {
		// when
		int second = ScheduleBits.ofWeeks(List.of(2));
		int firstAndFourth = ScheduleBits.ofWeeks(List.of(4, 1));
		// then
		assertThat(second).isEqualTo(0b10);
		assertThat(firstAndFourth).isEqualTo(0b1001);
		assertThat(ScheduleBits.weeks(0b1001)).containsExactly(1, 4);
	}

	@Test
	void weeksOutsideTheBitSetAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleBits.ofWeeks(List.of(0)));
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleBits.ofWeeks(List.of(9)));
	}

}
