// The batch page: keeps status, counts and progress current while work runs, reloads the
// page when the status or the allowed actions change, lets the header box pick every
// entry on the page, and asks before destructive actions.
(function () {
	'use strict';
	var root = document.querySelector('[data-batch-id]');
	if (!root) {
		return;
	}

	var pickAll = document.getElementById('pick-all');
	if (pickAll) {
		pickAll.hidden = false;
		pickAll.addEventListener('change', function () {
			document.querySelectorAll('input[name="entryId"][form="bulk"]').forEach(function (box) {
				box.checked = pickAll.checked;
			});
		});
	}

	// Destructive buttons ask first; without scripts they simply submit.
	document.addEventListener('submit', function (event) {
		var question = event.submitter && event.submitter.dataset.confirm;
		if (question && !window.confirm(question)) {
			event.preventDefault();
		}
	});

		var status = root.dataset.status;
	var actions = root.dataset.actions;
	var url = root.dataset.progressUrl;
	var RUNNING_DELAY = 1500;
	var IDLE_DELAY = 5000;

	function setText(selector, text) {
		var element = document.querySelector(selector);
		if (element && element.textContent !== text) {
			element.textContent = text;
		}
	}

	function update(state) {
		Object.keys(state.counts).forEach(function (name) {
			setText('[data-count="' + name + '"]', String(state.counts[name]));
		});
		setText('#progress-text', state.progressText);
		setText('#progress-percent', state.percent === null ? '' : '(' + state.percent + '%)');
		var progress = document.getElementById('progress');
		if (progress) {
			var bar = progress.querySelector('.bar');
			if (state.percent === null) {
				progress.classList.add('indeterminate');
				progress.removeAttribute('aria-valuenow');
				bar.style.width = '0%';
			}
			else {
				progress.classList.remove('indeterminate');
				progress.setAttribute('aria-valuenow', String(state.percent));
				bar.style.width = state.percent + '%';
			}
		}
	}

	function schedule(delay) {
		window.setTimeout(poll, delay);
	}

	function poll() {
		fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
			.then(function (response) {
				var type = response.headers.get('Content-Type') || '';
				if (!response.ok || type.indexOf('json') < 0) {
					// Signed out, or the batch is gone: the page itself says what happened.
					if (response.status === 401 || response.status === 404 || response.redirected) {
						window.location.reload();
						return null;
					}
					throw new Error('progress answered ' + response.status);
				}
				return response.json();
			})
			.then(function (state) {
				if (state === null) {
					return;
				}
				if (state.status !== status || state.actions !== actions) {
					// New status, new buttons and entries: show the page as the server renders it now.
					window.location.reload();
					return;
				}
				update(state);
				schedule(state.running ? RUNNING_DELAY : IDLE_DELAY);
			})
			.catch(function () {
				schedule(IDLE_DELAY);
			});
	}

	if (root.dataset.finished !== 'true') {
		schedule(root.dataset.running === 'true' ? RUNNING_DELAY : IDLE_DELAY);
	}
})();
