package org.bookingbatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of the API into an RFC 9457 problem detail: 400 with all field
 * errors, 404, 409 and 422 with their extra members. Bad input never reaches a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
		return ResponseEntity.badRequest().body(badRequest("The request has invalid fields", ex.errors()));
	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not Found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> problem(ProblemException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this at the same time; reload and try again");
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		log.info("Refused a write that breaks a database constraint: {}", ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with existing data: " + ex.getMostSpecificCause().getMessage());
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return ResponseEntity.badRequest()
			.body(badRequest("The request has invalid parameters", List.of(new FieldError(ex.getName(),
					"'" + ex.getValue() + "' is not a valid " + describe(ex.getRequiredType(), expected)))));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return ResponseEntity.badRequest().body(badRequest("The request has invalid fields", errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldError(
						(result.getMethodParameter().getParameterName() != null)
								? result.getMethodParameter().getParameterName() : "parameter",
						error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(badRequest("The request has invalid parameters", errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// The Jackson exception names the field; its own cause (a DateTimeParseException,
		// say) does not, so prefer it to the most specific cause.
		Throwable cause = ex.getMostSpecificCause();
		for (Throwable candidate = ex.getCause(); candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof JacksonException) {
				cause = candidate;
				break;
			}
		}
		FieldError error = readError(cause);
		return ResponseEntity.badRequest().body(badRequest("The request body could not be read", List.of(error)));
	}

	private static FieldError readError(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldError(path(unknown), "is not a known field");
		}
		if (cause instanceof InvalidFormatException format) {
			return new FieldError(path(format),
					"'" + format.getValue() + "' is not a valid " + describe(format.getTargetType(), "value"));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return new FieldError(path(mismatch),
					"has the wrong type; expected " + describe(mismatch.getTargetType(), "another type"));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return new FieldError(path(jackson), "could not be read: " + jackson.getOriginalMessage());
		}
		if (cause instanceof StreamReadException) {
			return new FieldError("body", "is not well-formed JSON");
		}
		return new FieldError("body", "is missing or is not well-formed JSON");
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describe(@Nullable Class<?> type, String fallback) {
		if (type == null) {
			return fallback;
		}
		if (type.isEnum()) {
			List<String> values = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				values.add(constant.toString());
			}
			return "value; one of " + String.join(", ", values);
		}
		return switch (type.getSimpleName()) {
			case "LocalDate" -> "date (yyyy-mm-dd)";
			case "LocalTime" -> "time (hh:mm)";
			case "Instant" -> "instant (ISO-8601 UTC, e.g. 2026-04-01T07:00:00Z)";
			case "Long", "long", "Integer", "int", "Short", "short" -> "whole number";
			case "Boolean", "boolean" -> "boolean (true or false)";
			case "List", "Set" -> "list";
			case "String" -> "string";
			default -> type.getSimpleName();
		};
	}

	private static ProblemDetail badRequest(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Bad Request");
		problem.setProperty("errors",
				errors.stream()
					.map((error) -> Map.of("field", error.field(), "message", String.valueOf(error.message())))
					.toList());
		return problem;
	}

}
