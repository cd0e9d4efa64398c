# Two-Factor Gateway (native): build, test, demo, install.
# `make demo` and `make test` work on a fresh Debian 12 machine with Rust: they install the
# system packages they need first (scripts/install-deps.sh, idempotent).

EXT        := twofactor_gateway
SO         := $(CURDIR)/target/release/lib$(EXT).so
PHP        ?= php
PHP_CONFIG ?= php-config
CARGO      ?= cargo
STUBS      := php/stubs/$(EXT).stubs.php
CARGO_PHP_VERSION := 0.2.2

.PHONY: all build deps test test-rust test-app test-php lint cargo-php stubs check-stubs docs demo bench install install-app app-tarball clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(CARGO) build --release --locked

test: build test-rust test-app test-php

# The core without PHP: unit tests and the mock-server tests in tests/*.rs.
test-rust:
	$(CARGO) test --release --locked --no-default-features

# The Nextcloud app (lib/) with PHPUnit, over in-memory stand-ins for Nextcloud's services.
test-app:
	@scripts/with-mock.sh scripts/run-phpunit.sh $(SO)

# The extension from PHP: .phpt tests with the mock gateway on 127.0.0.1.
test-php:
	@scripts/with-mock.sh scripts/run-phpt.sh $(SO)

lint: deps check-stubs
	$(CARGO) fmt --check
	$(CARGO) clippy --release --locked --all-targets -- -D warnings
	$(CARGO) clippy --release --locked --all-targets --no-default-features -- -D warnings
	@for f in $$(git ls-files '*.php' '*.phpt'); do $(PHP) -n -l "$$f" >/dev/null || exit 1; done; echo "php -l: clean"

cargo-php:
	@command -v cargo-php >/dev/null || $(CARGO) install cargo-php --locked --version $(CARGO_PHP_VERSION)

# Regenerates the IDE stubs of the #[php_class] classes (a debug build is loaded to describe them).
stubs: deps cargo-php
	$(CARGO) php stubs -o $(STUBS)

# Fails when the committed stubs differ from what the code generates.
check-stubs: deps cargo-php
	@mkdir -p target
	@$(CARGO) php stubs -o target/$(EXT).stubs.php >/dev/null
	@diff -u $(STUBS) target/$(EXT).stubs.php && echo "stubs: up to date" \
	  || { echo "stubs: $(STUBS) is stale, run 'make stubs'"; exit 1; }

# The README's SMS provider table, from the extension's schema (tests/phpt/017 checks it).
docs: build
	@$(PHP) -n -d extension=$(SO) scripts/sms-providers-doc.php --write

# The main job: a code sent through a local Signal gateway and verified.
demo: build
	@scripts/with-mock.sh $(PHP) -n -d extension=$(SO) scripts/demo.php

bench: build
	@$(PHP) -n -d extension=curl -d extension=$(SO) scripts/bench.php

# The Nextcloud app: copied into a server's apps directory, or packed as a tarball.
APP_FILES := appinfo lib templates img css js
APP_VERSION = $(shell sed -n 's:.*<version>\(.*\)</version>.*:\1:p' appinfo/info.xml)

install-app:
	@test -n "$(NEXTCLOUD)" || { echo "usage: make install-app NEXTCLOUD=/path/to/nextcloud [APPS_DIR=/path/to/apps]"; exit 1; }
	@dest="$${APPS_DIR:-$(NEXTCLOUD)/apps}/$(EXT)"; rm -rf "$$dest" && mkdir -p "$$dest" && cp -r $(APP_FILES) "$$dest"/ \
	  && echo "installed the app into $$dest; next: php -d extension=... occ app:enable $(EXT)"

app-tarball:
	@mkdir -p target/app && rm -rf target/app/$(EXT) && mkdir target/app/$(EXT) && cp -r $(APP_FILES) target/app/$(EXT)/
	@tar -czf target/$(EXT)-$(APP_VERSION).tar.gz -C target/app $(EXT) && echo "target/$(EXT)-$(APP_VERSION).tar.gz"

install: build
	install -m 0644 $(SO) "$$($(PHP_CONFIG) --extension-dir)/$(EXT).so"
	install -m 0644 php/$(EXT).ini /etc/php/8.2/mods-available/$(EXT).ini
	phpenmod $(EXT)
	@$(PHP) -m | grep -qx $(EXT) && echo "$(EXT) is enabled for $$($(PHP) -r 'echo PHP_BINARY;')"

clean:
	$(CARGO) clean
