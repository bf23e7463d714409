package org.bookingbatch.care.demo;

import java.util.List;
import java.util.Random;

/**
 * Person and team names that look real: fixed lists of first and last names, combined in
 * an order shuffled by the seed, so that every person of a generated provider has a
 * different name and the same seed gives the same names.
 */
final class DemoNames {

	static final List<String> TEAMS = List.of("North", "South", "East", "West", "Central", "Riverside", "Hillside",
			"Harbour", "Meadows", "Parkside", "Castle", "Abbey", "Forest", "Valley", "Moorland", "Bridgeside",
			"Lakeside", "Old Town", "Westgate", "Eastfield");

	private static final List<String> FIRST_NAMES = List.of("Ann", "Bob", "Carol", "David", "Emma", "Frank", "Grace",
			"Harry", "Irene", "James", "Karen", "Leo", "Margaret", "Nathan", "Olivia", "Peter", "Ruth", "Samuel",
			"Tessa", "Victor", "Wendy", "Aaron", "Beatrice", "Colin", "Dorothy", "Edward", "Fiona", "George", "Hannah",
			"Ian", "Joan", "Kevin", "Linda", "Martin", "Nora", "Oscar", "Patricia", "Raymond", "Sarah", "Thomas", "Una",
			"Vincent", "Winifred", "Yusuf", "Zara", "Amir", "Bridget", "Connor", "Deborah", "Elijah", "Freya", "Gareth",
			"Helen", "Imran", "Jessica", "Kofi", "Lucy", "Mohammed", "Niamh", "Owen", "Priya", "Rhys", "Sophie",
			"Tariq", "Ursula", "Wyn", "Agnes", "Bernard", "Cecilia", "Dennis", "Eileen", "Fatima", "Gordon", "Hazel",
			"Isaac", "Jean", "Keith", "Lorna", "Malcolm", "Nadia");

	private static final List<String> LAST_NAMES = List.of("Lee", "Cox", "Smith", "Jones", "Taylor", "Brown",
			"Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White",
			"Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips",
			"Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Campbell", "Kelly", "Murphy", "Hughes", "Edwards",
			"Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Harris", "Baker", "Young",
			"Allen", "Bell", "Carter", "Dixon", "Ellis", "Fisher", "Grant", "Hunt", "Irving", "Jenkins", "Knight",
			"Lloyd", "Marshall", "Nolan", "Owens", "Price", "Quinn", "Reid", "Shaw", "Tucker", "Usher", "Vaughan",
			"Webb", "Yates", "Ahmed", "Begum", "Chowdhury", "Doyle", "Fleming", "Gill", "Hussain", "Okafor");

	private final int[] order;

	private int next;

	DemoNames(Random random) {
		int combinations = FIRST_NAMES.size() * LAST_NAMES.size();
		this.order = new int[combinations];
		for (int i = 0; i < combinations; i++) {
			this.order[i] = i;
		}
		for (int i = combinations - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = this.order[i];
			this.order[i] = this.order[j];
			this.order[j] = swap;
		}
	}

	/** The next unused person's name; a middle initial keeps names apart beyond 6,400. */
	String nextPerson() {
		int index = this.next++;
		int combination = this.order[index % this.order.length];
		String first = FIRST_NAMES.get(combination / LAST_NAMES.size());
		String last = LAST_NAMES.get(combination % LAST_NAMES.size());
		int round = index / this.order.length;
		if (round == 0) {
			return first + " " + last;
		}
		return first + " " + (char) ('A' + (round - 1) % 26) + ". " + last;
	}

	static String team(int index) {
		return (index < TEAMS.size()) ? TEAMS.get(index) : "Team " + (index + 1);
	}

}
