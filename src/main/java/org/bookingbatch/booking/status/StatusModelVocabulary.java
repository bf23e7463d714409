package org.bookingbatch.booking.status;

import java.util.Map;
import java.util.Set;

/**
 * The names a status model may use, as the code that runs the model provides them.
 *
 * @param guards the named conditions, each with the request field it reads (absent when
 * it reads none)
 * @param fields the request fields a transition may accept
 * @param permissions the permissions an API transition may require
 * @param triggers the events that may fire a transition by themselves
 * @param moments the moments of a booking a timeout may fire at
 */
public record StatusModelVocabulary(Set<String> guards, Map<String, String> guardFields, Set<String> fields,
		Set<String> permissions, Set<String> triggers, Set<String> moments) {

	public StatusModelVocabulary {
		guards = Set.copyOf(guards);
		guardFields = Map.copyOf(guardFields);
		fields = Set.copyOf(fields);
		permissions = Set.copyOf(permissions);
		triggers = Set.copyOf(triggers);
		moments = Set.copyOf(moments);
	}

}
