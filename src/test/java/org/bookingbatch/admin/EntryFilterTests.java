package org.bookingbatch.admin;

import org.junit.jupiter.api.Test;

import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.generation.EntryStatus;

import static org.assertj.core.api.Assertions.assertThat;

class EntryFilterTests {

	@Test
	void queryStringHoldsOnlyTheFiltersInUse() {
		// given
		EntryFilter filter = new EntryFilter(EntryStatus.INVALID, IssueCode.CARER_CLASH, null, 7L, true, 2);

		// when / then
		assertThat(filter.queryString()).isEqualTo("status=INVALID&issue=CARER_CLASH&carerId=7&stale=true&page=2");
		assertThat(filter.queryString(0)).isEqualTo("status=INVALID&issue=CARER_CLASH&carerId=7&stale=true");
		assertThat(filter.active()).isTrue();
		assertThat(new EntryFilter(null, null, null, null, null, 3).active()).isFalse();
	}

	@Test
	void returnPathStaysOnTheBatchPage() {
		// when / then
		assertThat(EntryFilter.returnPath(5, "status=INVALID&page=1"))
			.isEqualTo("/admin/batches/5?status=INVALID&page=1#entries");
		assertThat(EntryFilter.returnPath(5, null)).isEqualTo("/admin/batches/5#entries");
		assertThat(EntryFilter.returnPath(5, "x#/../../evil")).isEqualTo("/admin/batches/5#entries");
		assertThat(EntryFilter.returnPath(5, "a=1\r\nLocation: http://evil")).isEqualTo("/admin/batches/5#entries");
		assertThat(EntryFilter.returnPath(5, "//evil.example/")).isEqualTo("/admin/batches/5#entries");
	}

}
