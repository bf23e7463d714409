package org.bookingbatch.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security processes the form's POST) and the way into the
 * pages.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping({ "/", "/admin", "/admin/" })
	String home() {
		return "redirect:/admin/batches";
	}

}
