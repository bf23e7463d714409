package org.bookingbatch.admin;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import org.bookingbatch.generation.BatchAction;
import org.bookingbatch.platform.Permission;

/**
 * The signed-in user as the pages see them: their name and permissions.
 */
record AdminUser(String name, Set<Permission> permissions) {

	static AdminUser of(Authentication authentication) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Permission permission : Permission.values()) {
				if (permission.name().equals(authority.getAuthority())) {
					permissions.add(permission);
				}
			}
		}
		if (permissions.contains(Permission.ADMIN)) {
			permissions = EnumSet.allOf(Permission.class);
		}
		return new AdminUser(authentication.getName(), permissions);
	}

	boolean may(BatchAction action) {
		return this.permissions.contains(action.permission());
	}

	/** Whether the user may start batches and edit entries. */
	public boolean generate() {
		return this.permissions.contains(Permission.GENERATE_BOOKINGS);
	}

	/** Whether the user may confirm batches. */
	public boolean confirm() {
		return this.permissions.contains(Permission.CONFIRM_BOOKINGS);
	}

	/** The user's role as people call it, for the header. */
	public String role() {
		if (this.permissions.contains(Permission.ADMIN)) {
			return "Admin";
		}
		if (confirm()) {
			return "Coordinator";
		}
		if (generate()) {
			return "Planner";
		}
		return "Viewer";
	}

}
