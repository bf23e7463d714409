package org.bookingbatch.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list endpoint answers it.
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static <T> PageResponse<T> of(List<T> content, PageParams params, long totalElements) {
		int totalPages = (int) ((totalElements + params.size() - 1) / params.size());
		return new PageResponse<>(content, params.page(), params.size(), totalElements, totalPages);
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(this.content.stream().map(mapper).toList(), this.page, this.size, this.totalElements,
				this.totalPages);
	}

}
