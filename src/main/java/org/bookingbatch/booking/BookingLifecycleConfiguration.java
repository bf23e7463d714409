package org.bookingbatch.booking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.bookingbatch.booking.status.BookingStatusModel;
import org.bookingbatch.booking.status.StatusModelReader;
import org.bookingbatch.booking.status.StatusModelVocabulary;
import org.bookingbatch.platform.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Loads the booking status model at start-up, refusing to start with an inconsistent one:
 * {@code booking.lifecycle.status-model} when set, else
 * {@code config/booking-status-model.yml} in the working directory when present, else the
 * default care model inside the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
@EnableScheduling
class BookingLifecycleConfiguration {

	/** The operator's model, next to config/application.yml. */
	static final Path OPERATOR_MODEL = Path.of("config", "booking-status-model.yml");

	/** The default care model. */
	static final String DEFAULT_MODEL = "booking-status-model.yml";

	/** What fires a transition when a booking's carers change. */
	static final String ALLOCATION_TRIGGER = "allocation";

	/** What the code provides to a status model. */
	static final StatusModelVocabulary VOCABULARY = new StatusModelVocabulary(
			Arrays.stream(LifecycleGuard.values()).map(LifecycleGuard::modelName).collect(Collectors.toSet()),
			Arrays.stream(LifecycleGuard.values())
				.filter((guard) -> guard.field() != null)
				.collect(Collectors.toMap(LifecycleGuard::modelName, (guard) -> guard.field().jsonName())),
			Arrays.stream(TransitionField.values()).map(TransitionField::jsonName).collect(Collectors.toSet()),
			Arrays.stream(Permission.values()).map(Permission::name).collect(Collectors.toSet()),
			Set.of(ALLOCATION_TRIGGER),
			Arrays.stream(BookingMoment.values()).map(BookingMoment::modelName).collect(Collectors.toSet()));

	private static final Logger log = LoggerFactory.getLogger(BookingLifecycleConfiguration.class);

	@Bean
	BookingStatusModel bookingStatusModel(LifecycleProperties properties, Environment environment,
			ResourceLoader resources) throws IOException {
		Resource resource = locate(properties, resources, Path.of(""));
		String source = describe(resource);
		BookingStatusModel model = reader(environment).read(resource.getContentAsString(StandardCharsets.UTF_8),
				source);
		log.info("Booking status model '{}' from {}: {} statuses, {} transitions, {} timeouts", model.name(), source,
				model.statuses().size(), model.transitions().stream().map((t) -> t.name()).distinct().count(),
				model.timeouts().size());
		return model;
	}

	/**
	 * A reader with the code's vocabulary, resolving placeholders from the environment.
	 */
	static StatusModelReader reader(Environment environment) {
		return new StatusModelReader(VOCABULARY, environment::resolveRequiredPlaceholders);
	}

	/**
	 * The model's resource: the configured location, else the operator's file under the
	 * working directory when it exists, else the default model.
	 */
	static Resource locate(LifecycleProperties properties, ResourceLoader resources, Path workingDirectory) {
		if (properties.statusModel() != null) {
			Resource resource = resources.getResource(properties.statusModel());
			if (!resource.exists()) {
				throw new IllegalStateException(
						"booking.lifecycle.status-model is " + properties.statusModel() + ", which does not exist");
			}
			return resource;
		}
		FileSystemResource operator = new FileSystemResource(workingDirectory.resolve(OPERATOR_MODEL));
		return operator.exists() ? operator : new ClassPathResource(DEFAULT_MODEL);
	}

	private static String describe(Resource resource) {
		if (resource instanceof ClassPathResource classPath) {
			return "classpath:" + classPath.getPath();
		}
		if (resource.isFile()) {
			try {
				return resource.getFile().getPath();
			}
			catch (IOException ex) {
				// described below
			}
		}
		return resource.getDescription();
	}

}
