# Two set-up commands: `make run` (install, then the symptom check) and `make test` (install, then all tests).
.PHONY: run test bench check

run:
	@scripts/bootstrap
	@.venv/bin/numbwise check

# PostgreSQL tests run on a throwaway server (pg_virtualenv) and must pass, not skip, when it exists.
test:
	@scripts/bootstrap test
	@.venv/bin/python -m mypy
	@.venv/bin/ruff check --quiet src tests bench scripts
	@if command -v pg_virtualenv >/dev/null 2>&1; then \
	  NUMBWISE_REQUIRE_PG=1 pg_virtualenv -o fsync=off .venv/bin/python -m pytest; \
	else \
	  echo "pg_virtualenv not found: PostgreSQL tests will be skipped (install Debian's postgresql package)."; \
	  .venv/bin/python -m pytest; \
	fi

bench:
	@scripts/bootstrap test
	@.venv/bin/python bench/run.py
