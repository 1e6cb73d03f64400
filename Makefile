# Conveniences over the scripts; the README's two commands do not need make.
.PHONY: site test later mutants bench spec quality dist clean-system-test

site:
	bash scripts/build-example.sh

test:
	bash scripts/test.sh

# The Swift suites with the clock 500 days ahead, as CI's sanitizer pass runs them.
later:
	CHARTER_DAYS_AHEAD=500 bash scripts/swift-tests.sh

# Every mutant of scripts/mutants/catalogue.txt against the suites that should notice it.
mutants:
	python3 scripts/mutants.py

bench:
	bash scripts/bench.sh $(PAGES)

spec:
	bash scripts/spec-tests.sh

quality:
	bash scripts/quality.sh

dist:
	bash scripts/dist.sh

clean-system-test: dist
	bash scripts/clean-system-test.sh
