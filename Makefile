# Conveniences over the scripts; the README's two commands do not need make.
.PHONY: site test bench spec quality dist clean-system-test

site:
	bash scripts/build-example.sh

test:
	bash scripts/test.sh

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
