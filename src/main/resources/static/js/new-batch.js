// The new-batch page: the preview chart follows the range and the teams as they change.
(function () {
	'use strict';
	var form = document.getElementById('new-batch-form');
	if (!form) {
		return;
	}
	var previewUrl = form.dataset.previewUrl;
	var timer = null;
	var latest = 0;

	function query() {
		var params = new URLSearchParams();
		params.append('from', form.elements.from.value);
		params.append('to', form.elements.to.value);
		form.querySelectorAll('input[name="teamIds"]:checked').forEach(function (box) {
			params.append('teamIds', box.value);
		});
		return params.toString();
	}

	function refresh() {
		var request = ++latest;
		var preview = document.getElementById('preview');
		preview.setAttribute('aria-busy', 'true');
		fetch(previewUrl + '?' + query(), { credentials: 'same-origin', cache: 'no-store' })
			.then(function (response) {
				if (!response.ok) {
					throw new Error('preview answered ' + response.status);
				}
				return response.text();
			})
			.then(function (html) {
				// An older answer arriving late must not replace a newer one.
				if (request !== latest) {
					return;
				}
				var current = document.getElementById('preview');
				var next = new DOMParser().parseFromString(html, 'text/html').getElementById('preview');
				if (current && next) {
					current.replaceWith(next);
				}
			})
			.catch(function () {
				var current = document.getElementById('preview');
				if (current) {
					current.removeAttribute('aria-busy');
				}
			});
	}

	function later() {
		window.clearTimeout(timer);
		timer = window.setTimeout(refresh, 300);
	}

	form.addEventListener('change', function (event) {
		if (event.target.name === 'from' || event.target.name === 'to' || event.target.name === 'teamIds') {
			later();
		}
	});
	form.addEventListener('input', function (event) {
		if (event.target.name === 'from' || event.target.name === 'to') {
			later();
		}
	});
	var button = document.getElementById('update-preview');
	if (button) {
		button.addEventListener('click', function (event) {
			event.preventDefault();
			refresh();
		});
	}
})();
