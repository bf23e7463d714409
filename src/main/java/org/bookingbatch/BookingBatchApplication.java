package org.bookingbatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BookingBatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BookingBatchApplication.class, args);
	}

}
