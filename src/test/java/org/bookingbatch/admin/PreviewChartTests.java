package org.bookingbatch.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.bookingbatch.generation.BatchService;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewChartTests {

	AdminFormats formats = new AdminFormats(ZoneId.of("Europe/London"));

	@Test
	void barsAreScaledToTheBusiestDay() {
		// given
		LocalDate monday = LocalDate.of(2026, 4, 6);
		BatchService.Preview preview = new BatchService.Preview(monday, monday.plusDays(2), List.of(),
				List.of(new BatchService.PreviewDay(monday, 8, 2),
						new BatchService.PreviewDay(monday.plusDays(1), 4, 4),
						new BatchService.PreviewDay(monday.plusDays(2), 0, 0)),
				12, 6);

		// when
		PreviewChart chart = PreviewChart.of(preview, this.formats);

		// then
		assertThat(chart.max()).isEqualTo(8);
		assertThat(chart.toBook()).isEqualTo(6);
		assertThat(chart.days()).extracting(PreviewChart.Day::occurrencesPercent).containsExactly(100, 50, 0);
		assertThat(chart.days()).extracting(PreviewChart.Day::bookedPercent).containsExactly(25, 50, 0);
		assertThat(chart.days().get(0).description()).isEqualTo("Mon 6 Apr 2026: 8 occurrences, 2 already booked");
		assertThat(chart.days().get(0).month()).isEqualTo("Apr");
		assertThat(chart.days().get(1).month()).isEmpty();
	}

	@Test
	void longRangeLabelsOnlyMondaysAndMonthStarts() {
		// given
		LocalDate from = LocalDate.of(2026, 4, 1);
		List<BatchService.PreviewDay> days = new ArrayList<>();
		for (int i = 0; i < 61; i++) {
			days.add(new BatchService.PreviewDay(from.plusDays(i), 1, 0));
		}

		// when
		PreviewChart chart = PreviewChart.of(new BatchService.Preview(from, from.plusDays(60), List.of(), days, 61, 0),
				this.formats);

		// then
		assertThat(chart.days().stream().filter(PreviewChart.Day::labelled).map(PreviewChart.Day::label))
			.contains("Wed 1 Apr 2026", "Mon 6 Apr 2026", "Fri 1 May 2026")
			.doesNotContain("Tue 7 Apr 2026");
		assertThat(chart.days().stream().filter((d) -> !d.month().isEmpty()).map(PreviewChart.Day::month))
			.containsExactly("Apr", "May");
	}

}
