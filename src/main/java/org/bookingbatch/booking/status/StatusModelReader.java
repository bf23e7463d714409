package org.bookingbatch.booking.status;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.bookingbatch.booking.status.BookingStatusModel.FiredBy;
import org.bookingbatch.booking.status.BookingStatusModel.Status;
import org.bookingbatch.booking.status.BookingStatusModel.Timeout;
import org.bookingbatch.booking.status.BookingStatusModel.Transition;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a booking status model from YAML and refuses it, with every problem found, when
 * it is malformed or inconsistent: unknown statuses, a final status with outgoing
 * transitions, a status that nothing reaches, initial statuses without guards to choose
 * between them, unknown guards, fields, permissions, triggers and moments.
 * <p>
 * The YAML has three lists:
 *
 * <pre>
 * statuses:     [{name, label, initial, guard, final, occupiesTime, countsAsBooked}]
 * transitions:  [{name, from, to, by: api|system, permission, guard, trigger, fields, reasonRequired}]
 * timeouts:     [{status, after: PT20M | at: startsAt, transition}]
 * </pre>
 *
 * String values may hold {@code ${property:default}} placeholders, resolved by the given
 * function (the application's environment), so that a timeout can follow a setting.
 */
public final class StatusModelReader {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private static final List<String> MODEL_KEYS = List.of("name", "description", "statuses", "transitions",
			"timeouts");

	private static final List<String> STATUS_KEYS = List.of("name", "label", "description", "initial", "guard", "final",
			"occupiesTime", "countsAsBooked");

	private static final List<String> TRANSITION_KEYS = List.of("name", "description", "from", "to", "by", "permission",
			"guard", "trigger", "fields", "reasonRequired");

	private static final List<String> TIMEOUT_KEYS = List.of("status", "description", "after", "at", "transition");

	private final StatusModelVocabulary vocabulary;

	private final UnaryOperator<String> placeholders;

	/**
	 * @param vocabulary the guards, fields, permissions, triggers and moments the code
	 * provides
	 * @param placeholders resolves {@code ${...}} placeholders in string values; throws
	 * {@link IllegalArgumentException} for one it cannot resolve
	 */
	public StatusModelReader(StatusModelVocabulary vocabulary, UnaryOperator<String> placeholders) {
		this.vocabulary = vocabulary;
		this.placeholders = placeholders;
	}

	/**
	 * Reads and checks a model.
	 * @param yaml the model's text
	 * @param source where it comes from, for messages
	 * @return the model
	 * @throws InvalidStatusModelException with every problem when the model cannot be
	 * used
	 */
	public BookingStatusModel read(String yaml, String source) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException ex) {
			throw new InvalidStatusModelException(source, List.of("it is not valid YAML: " + ex.getMessage()));
		}
		if (!(root instanceof Map<?, ?> map)) {
			throw new InvalidStatusModelException(source,
					List.of("it must be a mapping with the keys statuses, transitions and timeouts"));
		}
		List<String> problems = new ArrayList<>();
		Node model = new Node("the model", map, MODEL_KEYS, problems);
		String name = model.string("name", false);
		List<Status> statuses = new ArrayList<>();
		for (Node node : model.list("statuses", true)) {
			Status status = status(node);
			if (status != null) {
				statuses.add(status);
			}
		}
		List<Transition> transitions = new ArrayList<>();
		for (Node node : model.list("transitions", false)) {
			Transition transition = transition(node);
			if (transition != null) {
				transitions.add(transition);
			}
		}
		List<Timeout> timeouts = new ArrayList<>();
		for (Node node : model.list("timeouts", false)) {
			Timeout timeout = timeout(node);
			if (timeout != null) {
				timeouts.add(timeout);
			}
		}
		new Check(statuses, transitions, timeouts, problems).run();
		if (!problems.isEmpty()) {
			throw new InvalidStatusModelException(source, problems);
		}
		return new BookingStatusModel((name != null) ? name : source, source, statuses, transitions, timeouts);
	}

	private @Nullable Status status(Node node) {
		String name = node.name("name");
		String label = node.string("label", true);
		String description = node.string("description", false);
		boolean initial = node.bool("initial");
		String guard = node.string("guard", false);
		boolean isFinal = node.bool("final");
		boolean occupiesTime = node.bool("occupiesTime");
		boolean countsAsBooked = node.bool("countsAsBooked");
		if (name == null || label == null) {
			return null;
		}
		return new Status(name, label, description, initial, guard, isFinal, occupiesTime, countsAsBooked);
	}

	private @Nullable Transition transition(Node node) {
		String name = node.name("name");
		List<String> from = node.strings("from", true);
		String to = node.string("to", true);
		String by = node.string("by", true);
		String permission = node.string("permission", false);
		String guard = node.string("guard", false);
		String trigger = node.string("trigger", false);
		List<String> fields = node.strings("fields", false);
		boolean reasonRequired = node.bool("reasonRequired");
		FiredBy firedBy = null;
		if (by != null) {
			if (by.equals("api") || by.equals("system")) {
				firedBy = FiredBy.valueOf(by.toUpperCase());
			}
			else {
				node.problem("by must be api or system, not '" + by + "'");
			}
		}
		if (name == null || from.isEmpty() || to == null || firedBy == null) {
			return null;
		}
		return new Transition(name, from, to, firedBy, permission, guard, trigger, fields, reasonRequired);
	}

	private @Nullable Timeout timeout(Node node) {
		String status = node.string("status", true);
		String afterText = node.string("after", false);
		String at = node.string("at", false);
		String transition = node.string("transition", true);
		Duration after = null;
		if (afterText != null) {
			try {
				after = Duration.parse(afterText);
				if (after.isNegative()) {
					node.problem("after must not be negative, not " + afterText);
				}
			}
			catch (DateTimeParseException ex) {
				node.problem("after '" + afterText + "' is not an ISO-8601 duration such as PT20M");
			}
		}
		if (status == null || transition == null) {
			return null;
		}
		if ((afterText == null) == (at == null)) {
			node.problem("a timeout needs either after (a duration) or at (a moment of the booking), and not both");
			return null;
		}
		if (afterText != null && after == null) {
			return null;
		}
		return new Timeout(status, after, at, transition);
	}

	/** The consistency rules over the whole model. */
	private final class Check {

		private final Map<String, Status> statuses = new LinkedHashMap<>();

		private final List<Status> statusList;

		private final List<Transition> transitions;

		private final List<Timeout> timeouts;

		private final List<String> problems;

		Check(List<Status> statuses, List<Transition> transitions, List<Timeout> timeouts, List<String> problems) {
			this.statusList = statuses;
			this.transitions = transitions;
			this.timeouts = timeouts;
			this.problems = problems;
		}

		void run() {
			statuses();
			initialStatuses();
			transitions();
			unreachableRows();
			reachability();
			timeouts();
		}

		private void statuses() {
			for (Status status : this.statusList) {
				if (this.statuses.putIfAbsent(status.name(), status) != null) {
					problem("status '" + status.name() + "' is defined twice");
				}
				if (status.guard() != null) {
					if (!status.initial()) {
						problem("status '" + status.name() + "' has a guard but is not initial; a guard only chooses"
								+ " between initial statuses");
					}
					knownGuard(status.guard(), "status '" + status.name() + "'", List.of());
				}
			}
			if (this.statusList.isEmpty()) {
				problem("the model has no status");
			}
		}

		private void initialStatuses() {
			List<Status> initial = this.statusList.stream().filter(Status::initial).toList();
			if (initial.isEmpty() && !this.statusList.isEmpty()) {
				problem("no status is initial, so no booking could be created");
			}
			List<String> unguarded = initial.stream()
				.filter((status) -> status.guard() == null)
				.map(Status::name)
				.toList();
			if (unguarded.size() > 1) {
				problem("statuses " + quoted(unguarded) + " are initial without a guard to choose between them;"
						+ " give every initial status but one a guard");
			}
		}

		private void transitions() {
			for (Transition transition : this.transitions) {
				String what = "transition '" + transition.name() + "'";
				for (String from : transition.from()) {
					Status status = this.statuses.get(from);
					if (status == null) {
						problem(what + " leaves unknown status '" + from + "'");
					}
					else if (status.isFinal()) {
						problem("status '" + from + "' is final, but " + what + " leaves it");
					}
				}
				if (!this.statuses.containsKey(transition.to())) {
					problem(what + " goes to unknown status '" + transition.to() + "'");
				}
				if (transition.by() == FiredBy.API) {
					if (transition.permission() == null) {
						problem(what + " is fired through the API and needs a permission (one of "
								+ sorted(StatusModelReader.this.vocabulary.permissions()) + ")");
					}
					else if (!StatusModelReader.this.vocabulary.permissions().contains(transition.permission())) {
						problem(what + " requires unknown permission '" + transition.permission() + "'; known: "
								+ sorted(StatusModelReader.this.vocabulary.permissions()));
					}
				}
				else if (transition.permission() != null) {
					problem(what + " is fired by the system and cannot require a permission");
				}
				if (transition.guard() != null) {
					knownGuard(transition.guard(), what, transition.fields());
				}
				if (transition.trigger() != null
						&& !StatusModelReader.this.vocabulary.triggers().contains(transition.trigger())) {
					problem(what + " has unknown trigger '" + transition.trigger() + "'; known: "
							+ sorted(StatusModelReader.this.vocabulary.triggers()));
				}
				for (String field : transition.fields()) {
					if (!StatusModelReader.this.vocabulary.fields().contains(field)) {
						problem(what + " accepts unknown field '" + field + "'; known fields: "
								+ sorted(StatusModelReader.this.vocabulary.fields()));
					}
				}
			}
		}

		/**
		 * Rows of one transition are tried in order: after a row without a guard, later
		 * rows from the same status can never apply.
		 */
		private void unreachableRows() {
			Map<String, Set<String>> unguardedFrom = new LinkedHashMap<>();
			Set<String> reported = new LinkedHashSet<>();
			for (Transition transition : this.transitions) {
				Set<String> open = unguardedFrom.computeIfAbsent(transition.name(), (name) -> new LinkedHashSet<>());
				for (String from : transition.from()) {
					if (open.contains(from) && reported.add(transition.name() + "/" + from)) {
						problem("transition '" + transition.name() + "' from '" + from + "' has a row to '"
								+ transition.to() + "' after a row without a guard, so it can never apply");
					}
				}
				if (transition.guard() == null) {
					open.addAll(transition.from());
				}
			}
		}

		private void reachability() {
			Set<String> reached = new LinkedHashSet<>();
			this.transitions.forEach((transition) -> reached.add(transition.to()));
			for (Status status : this.statuses.values()) {
				if (!status.initial() && !reached.contains(status.name())) {
					problem("status '" + status.name() + "' is not initial and no transition reaches it");
				}
			}
		}

		private void timeouts() {
			for (Timeout timeout : this.timeouts) {
				String what = "the timeout of status '" + timeout.status() + "'";
				if (!this.statuses.containsKey(timeout.status())) {
					problem("a timeout names unknown status '" + timeout.status() + "'");
				}
				if (timeout.at() != null && !StatusModelReader.this.vocabulary.moments().contains(timeout.at())) {
					problem(what + " fires at unknown moment '" + timeout.at() + "'; known moments: "
							+ sorted(StatusModelReader.this.vocabulary.moments()));
				}
				List<Transition> rows = this.transitions.stream()
					.filter((transition) -> transition.name().equals(timeout.transition()))
					.toList();
				if (rows.isEmpty()) {
					problem(what + " fires unknown transition '" + timeout.transition() + "'");
				}
				else if (rows.stream().noneMatch((row) -> row.from().contains(timeout.status()))) {
					problem(what + " fires transition '" + timeout.transition() + "', which does not leave '"
							+ timeout.status() + "'");
				}
			}
		}

		private void knownGuard(String guard, String what, Collection<String> fields) {
			StatusModelVocabulary vocabulary = StatusModelReader.this.vocabulary;
			if (!vocabulary.guards().contains(guard)) {
				problem(what + " names unknown guard '" + guard + "'; known guards: " + sorted(vocabulary.guards()));
				return;
			}
			String field = vocabulary.guardFields().get(guard);
			if (field != null && !fields.contains(field)) {
				problem(what + " uses guard '" + guard + "', which reads the field '" + field
						+ "' that the transition does not accept; add it to its fields");
			}
		}

		private void problem(String problem) {
			this.problems.add(problem);
		}

	}

	private static String quoted(List<String> names) {
		List<String> quoted = names.stream().map((name) -> "'" + name + "'").toList();
		return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
	}

	private static String sorted(Set<String> names) {
		return String.join(", ", new TreeSet<>(names));
	}

	/**
	 * One mapping of the YAML, reading typed values and reporting where they are wrong.
	 */
	private final class Node {

		private final String where;

		private final Map<?, ?> map;

		private final List<String> problems;

		Node(String where, Map<?, ?> map, List<String> keys, List<String> problems) {
			this.where = where;
			this.map = map;
			this.problems = problems;
			for (Object key : map.keySet()) {
				if (!keys.contains(String.valueOf(key))) {
					problem("unknown key '" + key + "'; known keys: " + String.join(", ", keys));
				}
			}
		}

		@Nullable String name(String key) {
			String name = string(key, true);
			if (name != null && !NAME.matcher(name).matches()) {
				problem(key + " '" + name + "' must be lower snake case, such as to_be_dispatched");
				return null;
			}
			return name;
		}

		@Nullable String string(String key, boolean required) {
			Object value = this.map.get(key);
			if (value == null) {
				if (required) {
					problem(key + " is required");
				}
				return null;
			}
			if (!(value instanceof String) && !(value instanceof Number)) {
				problem(key + " must be a text, not " + describe(value));
				return null;
			}
			String text = String.valueOf(value);
			try {
				text = StatusModelReader.this.placeholders.apply(text);
			}
			catch (IllegalArgumentException ex) {
				problem(key + ": " + ex.getMessage());
				return null;
			}
			if (text.isBlank()) {
				if (required) {
					problem(key + " must not be blank");
				}
				return null;
			}
			return text.strip();
		}

		boolean bool(String key) {
			Object value = this.map.get(key);
			if (value == null) {
				return false;
			}
			if (!(value instanceof Boolean bool)) {
				problem(key + " must be true or false, not " + describe(value));
				return false;
			}
			return bool;
		}

		/** A list of texts; a single text counts as a list of one. */
		List<String> strings(String key, boolean required) {
			Object value = this.map.get(key);
			if (value == null) {
				if (required) {
					problem(key + " is required");
				}
				return List.of();
			}
			List<?> items = (value instanceof List<?> list) ? list : List.of(value);
			List<String> strings = new ArrayList<>();
			for (Object item : items) {
				if (item instanceof String text && !text.isBlank()) {
					strings.add(text.strip());
				}
				else {
					problem(key + " must list texts, not " + describe(item));
				}
			}
			if (required && strings.isEmpty() && items.isEmpty()) {
				problem(key + " must not be empty");
			}
			return strings;
		}

		List<Node> list(String key, boolean required) {
			Object value = this.map.get(key);
			if (value == null) {
				if (required) {
					problem(key + " is required");
				}
				return List.of();
			}
			if (!(value instanceof List<?> list)) {
				problem(key + " must be a list");
				return List.of();
			}
			List<String> keys = switch (key) {
				case "statuses" -> STATUS_KEYS;
				case "transitions" -> TRANSITION_KEYS;
				default -> TIMEOUT_KEYS;
			};
			List<Node> nodes = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				Object item = list.get(i);
				String where = key + "[" + i + "]";
				if (item instanceof Map<?, ?> map) {
					Object name = map.get("name");
					if (name == null) {
						name = map.get("status");
					}
					nodes.add(new Node(where + ((name != null) ? " (" + name + ")" : ""), map, keys, this.problems));
				}
				else {
					this.problems.add(where + " must be a mapping, not " + describe(item));
				}
			}
			return nodes;
		}

		void problem(String problem) {
			this.problems.add(this.where + ": " + problem);
		}

		private static String describe(@Nullable Object value) {
			if (value == null) {
				return "nothing";
			}
			if (value instanceof Map) {
				return "a mapping";
			}
			if (value instanceof List) {
				return "a list";
			}
			return "'" + value + "'";
		}

	}

}
