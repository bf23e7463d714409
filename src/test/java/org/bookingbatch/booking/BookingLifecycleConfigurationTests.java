package org.bookingbatch.booking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.bookingbatch.booking.status.InvalidStatusModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the status model comes from, and the refusal to start with an inconsistent one.
 */
class BookingLifecycleConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(BookingLifecycleConfiguration.class);

	@TempDir
	Path directory;

	@Test
	void withoutAnOperatorFileTheDefaultModelApplies() {
		// when
		Resource resource = BookingLifecycleConfiguration.locate(properties(null), new DefaultResourceLoader(),
				this.directory);
		// then
		assertThat(resource).isInstanceOf(ClassPathResource.class);
		assertThat(((ClassPathResource) resource).getPath()).isEqualTo("booking-status-model.yml");
	}

	@Test
	void theOperatorsFileInConfigOverridesTheDefaultModel() throws IOException {
		// given
		Path file = this.directory.resolve("config/booking-status-model.yml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, StatusModelReaderTests.VALID);
		// when
		Resource resource = BookingLifecycleConfiguration.locate(properties(null), new DefaultResourceLoader(),
				this.directory);
		// then
		assertThat(resource).isInstanceOf(FileSystemResource.class);
		assertThat(resource.getFile().toPath()).isEqualTo(file);
	}

	@Test
	void theConfiguredLocationWinsAndMustExist() throws IOException {
		// given
		Path file = this.directory.resolve("orders.yml");
		Files.writeString(file, StatusModelReaderTests.VALID);
		// when
		this.runner.withPropertyValues("booking.lifecycle.status-model=file:" + file).run((context) -> {
			// then
			assertThat(context).hasNotFailed();
			BookingStatusModel model = context.getBean(BookingStatusModel.class);
			assertThat(model.name()).isEqualTo("small");
			assertThat(model.source()).isEqualTo(file.toString());
		});
		this.runner.withPropertyValues("booking.lifecycle.status-model=file:" + this.directory.resolve("none.yml"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("booking.lifecycle.status-model is file:")
				.hasMessageEndingWith("which does not exist"));
	}

	@Test
	void theApplicationRefusesToStartWithAnInconsistentModel() throws IOException {
		// given
		Path file = this.directory.resolve("broken.yml");
		Files.writeString(file, StatusModelReaderTests.VALID.replace("to: live", "to: alive"));
		// when
		this.runner.withPropertyValues("booking.lifecycle.status-model=file:" + file).run((context) -> {
			// then
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidStatusModelException.class)
				.hasMessageContaining("The booking status model in " + file + " is refused (1 problem):")
				.hasMessageContaining("transition 'confirm' goes to unknown status 'alive'");
		});
	}

	@Test
	void theHoldTimeoutSettingReachesTheDefaultModel() {
		// when
		this.runner.withPropertyValues("booking.lifecycle.hold-timeout=PT5M").run((context) -> {
			// then
			BookingStatusModel model = context.getBean(BookingStatusModel.class);
			assertThat(model.source()).isEqualTo("classpath:booking-status-model.yml");
			assertThat(model.timeoutsOf("held").get(0).after()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	private static LifecycleProperties properties(String statusModel) {
		return new LifecycleProperties(statusModel, Duration.ofMinutes(20), false,
				new LifecycleProperties.Sweep("-", 100));
	}

}
