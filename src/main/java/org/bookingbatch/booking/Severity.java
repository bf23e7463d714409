package org.bookingbatch.booking;

/**
 * ERROR makes a candidate invalid; WARNING leaves it valid.
 */
public enum Severity {

	ERROR, WARNING

}
