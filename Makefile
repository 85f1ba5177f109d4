# Two commands on a fresh machine: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test serve bench messages check clean

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

# Side-by-side measurements (prints a table, writes bench/results.json). Not part of `make test`.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# Recompile the Thai/English message catalogues after editing a .po file.
messages: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v0

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
