# Two commands on a fresh machine: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test serve worker bench bench-scale bench-linkcheck messages check clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# The local demo, as a trainer shows it: DEBUG off (the site's own 404 and 403 pages, never Django's debug
# page), static files served by whitenoise straight from the source folders, cookies over plain http.
# DJANGO_DEBUG=1 make run brings the debug pages back. Not for production: that is `make serve`.
RUN_ENV = DJANGO_DEBUG=$${DJANGO_DEBUG:-0} DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-local-make-run-key-not-for-production} \
	DJANGO_SECURE_COOKIES=$${DJANGO_SECURE_COOKIES:-0} DJANGO_STATIC_FROM_SOURCE=1 \
	DJANGO_STATICFILES_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage

run: $(STAMP)
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Production-like: gunicorn + whitenoise, DEBUG off. Needs DJANGO_SECRET_KEY and DATABASE_URL.
serve: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

# A job worker (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0). It also runs the nightly schedule
# (Celery beat) unless WORKER_BEAT=0: run the schedule on one host only. Threads: the jobs wait on the network.
worker: $(STAMP)
	$(BIN)/celery -A config worker --loglevel=$${WORKER_LOGLEVEL:-INFO} --pool threads \
		--concurrency $${WORKER_CONCURRENCY:-16} $$([ "$${WORKER_BEAT:-1}" = 0 ] || echo --beat --schedule $${WORKER_BEAT_FILE:-/tmp/catalog-beat-schedule})

# Side-by-side measurements (prints a table, writes bench/results.json). Not part of `make test`.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# What signed-in people meet as the catalog grows: every page of every role per size, signed-in throughput
# vs /healthz, peak RSS, URL checks at the nightly settings (writes bench/scale-results.json).
bench-scale: $(STAMP)
	$(BIN)/python -m bench.scale $(BENCH_SCALE_ARGS)

# The distributed link check: 20,000 URLs on 1,000 loopback hosts, 2 real workers, one killed in a second run.
# Needs DATABASE_URL (PostgreSQL) and Redis; writes bench/linkcheck_results.json.
bench-linkcheck: $(STAMP)
	$(BIN)/python -m bench.linkcheck_distributed $(BENCH_ARGS)

# Recompile the Thai/English message catalogues after editing a .po file.
messages: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v0

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
