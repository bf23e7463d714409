package org.bookingbatch.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.ProblemException;

/**
 * What every admin page has: the signed-in user in the model, and refusals shown as a
 * page rather than as the API's problem details. Ordered before the API's advice, which
 * would otherwise answer the pages with JSON.
 */
@ControllerAdvice(basePackageClasses = AdminPageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPageAdvice {

	@ModelAttribute("user")
	@Nullable AdminUser user(@Nullable Authentication authentication) {
		return (authentication != null) ? AdminUser.of(authentication) : null;
	}

	@ExceptionHandler
	String notFound(NotFoundException ex, Model model, HttpServletResponse response,
			@Nullable Authentication authentication) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), model, response, authentication);
	}

	@ExceptionHandler
	String invalid(InvalidRequestException ex, Model model, HttpServletResponse response,
			@Nullable Authentication authentication) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), model, response, authentication);
	}

	@ExceptionHandler
	String typeMismatch(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response,
			@Nullable Authentication authentication) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"'" + ex.getValue() + "' is not a valid value for " + ex.getName(), model, response, authentication);
	}

	@ExceptionHandler
	String refused(ProblemException ex, Model model, HttpServletResponse response,
			@Nullable Authentication authentication) {
		return problem(ex.status(), ex.title(), ex.getMessage(), model, response, authentication);
	}

	private String problem(HttpStatus status, String title, @Nullable String detail, Model model,
			HttpServletResponse response, @Nullable Authentication authentication) {
		response.setStatus(status.value());
		model.addAttribute("user", user(authentication));
		model.addAttribute("status", status.value());
		model.addAttribute("title", title);
		model.addAttribute("detail", detail);
		return "admin/problem";
	}

}
