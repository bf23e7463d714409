package org.bookingbatch.booking.status;

import java.util.List;

/**
 * A booking status model that cannot be used, with every problem found in it.
 */
public class InvalidStatusModelException extends RuntimeException {

	private final String source;

	private final List<String> problems;

	public InvalidStatusModelException(String source, List<String> problems) {
		super(describe(source, problems));
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	/** Where the model was read from. */
	public String source() {
		return this.source;
	}

	/** Each problem, as one sentence. */
	public List<String> problems() {
		return this.problems;
	}

	private static String describe(String source, List<String> problems) {
		StringBuilder message = new StringBuilder("The booking status model in ").append(source)
			.append(" is refused (")
			.append(problems.size())
			.append((problems.size() == 1) ? " problem):" : " problems):");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
		return message.toString();
	}

}
