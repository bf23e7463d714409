-- An entry's status as one byte: every entry changes status three times on its way to a booking, and a status of
-- fixed size is updated in place, in the row and in the status index. Comparisons with the names are unchanged.
ALTER TABLE batch_entry MODIFY status ENUM('PENDING', 'VALID', 'INVALID', 'CONFIRMED', 'CREATING', 'CREATED', 'FAILED',
	'REMOVED') NOT NULL;
