package org.bookingbatch.booking;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MissingAddressRuleIntegrationTests extends ValidationIntegrationTestSupport {

	static final ValidationProperties CLIENTS = new ValidationProperties(false, false, true, false);

	static final ValidationProperties CARERS = new ValidationProperties(false, false, false, true);

	@BeforeEach
	void noAddresses() {
		this.data.update("UPDATE client SET has_address = FALSE WHERE id = ?", this.bob);
		this.data.update("UPDATE carer SET has_address = FALSE WHERE id = ?", this.cal);
	}

	@Test
	void missingAddressesAreFineByDefault() {
		// when
		List<ValidationIssue> issues = issues(ValidationProperties.DEFAULTS, visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void aClientWithoutAddressIsAnErrorWhenClientsMustHaveOne() {
		// when
		List<ValidationIssue> issues = issues(CLIENTS, visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).containsExactly(error(IssueCode.MISSING_ADDRESS, "Client Bob Cox has no address on record"));
	}

	@Test
	void aClientWithAnAddressIsFineWhenClientsMustHaveOne() {
		// given
		this.data.update("UPDATE client SET has_address = TRUE WHERE id = ?", this.bob);
		// when
		List<ValidationIssue> issues = issues(CLIENTS, visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).isEmpty();
	}

	@Test
	void everyCarerWithoutAddressIsAnErrorWhenCarersMustHaveOne() {
		// when
		List<ValidationIssue> issues = issues(CARERS, visit(1, "08:00", 30, this.ann, this.cal));
		// then
		assertThat(issues).containsExactly(error(IssueCode.MISSING_ADDRESS, "Carer Cal Fry has no address on record"));
	}

	@Test
	void aCarerWithAnAddressIsFineWhenCarersMustHaveOne() {
		// when
		List<ValidationIssue> issues = issues(CARERS, visit(1, "08:00", 30, this.ann));
		// then
		assertThat(issues).isEmpty();
	}

}
