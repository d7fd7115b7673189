# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
VERBATIM_DB ?= data/verbatim.db
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
THREADS ?= 4
export VERBATIM_DB

# One access-log line per request, with the request id the answer carries (X-Request-Id).
ACCESS_LOG_FORMAT := %(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s

.PHONY: install client browser run db test eval bench clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(VENV)/.installed

db: install
	@test -f "$(VERBATIM_DB)" || $(PY) -m api seed --db "$(VERBATIM_DB)"

# No request-line limit in gunicorn (its 414 is an HTML page, and its cap, 8 KB at most, is
# shorter than the longest query the documented parameters allow): the app answers every
# over-long parameter with a problem+json 400.
run: db
	$(VENV)/bin/gunicorn --workers $(WORKERS) --threads $(THREADS) --bind $(HOST):$(PORT) \
	  --access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)' --limit-request-line 0 \
	  --forwarded-allow-ips "" wsgi:app  # proxy headers: the app applies them (VERBATIM_PROXY_COUNT)

# The generated-client test (tests/test_client.py) needs openapi-typescript and tsc: pinned in
# tests/client/package-lock.json, installed when npm is here (the test skips without node).
CLIENT := tests/client
$(CLIENT)/node_modules/.installed: $(CLIENT)/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix $(CLIENT) --no-audit --no-fund && touch $@; \
	else echo "npm not found: the generated-client test will skip"; fi

client: $(CLIENT)/node_modules/.installed

# The page tests (tests/test_web_browser.py) drive Debian's headless Chromium through its
# chromedriver: installed with apt-get when missing (through sudo when not root).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get update -q && $$sudo apt-get install -y -q chromium chromium-driver; fi

test: install client browser
	$(PY) -m pytest -q

eval: install  # PolNeAR dev and train too when POLNEAR_DIR names a local checkout
	@for gold in seeds heldout heldout2 heldout3; do echo "== tests/gold/$$gold.json"; \
	  $(PY) bench/eval_extraction.py tests/gold/$$gold.json; done
	@echo "== PolNeAR (never its test split)"; $(PY) bench/eval_attribution.py dev train

bench: install  # by hand, never in make test; size: make bench QUOTES=1000000
	$(PY) bench/bench_extract.py
	$(PY) bench/corpus.py --quotes $(or $(QUOTES),10000)
	$(PY) bench/load.py --quotes $(or $(QUOTES),10000)

clean:
	rm -rf $(VENV) data .pytest_cache $(CLIENT)/node_modules
