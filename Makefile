# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
export PYTHONPATH := $(CURDIR)

.PHONY: run test test-unit test-e2e install install-test messages compilemessages lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,production]'
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

## Compile the gettext catalogues with Babel (no system gettext needed).
compilemessages: $(VENV)/.installed
	$(BIN)/pybabel compile --domain "django djangojs" --directory locale --statistics 2>&1 | grep -v '^$$' || true
	@test -f locale/sv/LC_MESSAGES/django.mo && test -f locale/sv/LC_MESSAGES/djangojs.mo

## Extract every translatable string and update each language's catalogue. The JavaScript
## catalogue (djangojs, Swedish only) holds the Wagtail strings listed in portal/admin_strings.py.
messages: $(VENV)/.installed
	$(BIN)/pybabel extract --mapping-file babel.cfg --keyword gettext_lazy \
		--keyword ngettext_lazy:1,2 --keyword pgettext_lazy:1c,2 --keyword gettext_noop \
		--keyword plural_noop:1,2 --no-location --sort-output --width 100 \
		--project "Forsorjningsstod portal" --output-file locale/django.pot .
	$(BIN)/pybabel update --domain django --input-file locale/django.pot --output-dir locale \
		--ignore-obsolete --no-fuzzy-matching --width 100
	$(BIN)/pybabel extract --no-default-keywords --keyword js_noop --keyword js_plural_noop:1,2 \
		--no-location --sort-output --width 100 --project "Forsorjningsstod portal" \
		--output-file locale/djangojs.pot portal/admin_strings.py
	$(BIN)/pybabel update --domain djangojs --input-file locale/djangojs.pot --output-dir locale \
		--ignore-obsolete --no-fuzzy-matching --width 100

## Links in staff e-mails go to the port the server runs on (unless WAGTAILADMIN_BASE_URL is set).
run: install compilemessages
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_demo_staff
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## The whole suite: unit and page tests, then the browser tests in headless Chromium.
test: install-test compilemessages
	@mkdir -p var
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-unit: install-test compilemessages
	$(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

test-e2e: install-test compilemessages
	$(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

clean:
	rm -rf $(VENV) node_modules var/static
