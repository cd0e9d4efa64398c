#!/usr/bin/env bash
# Runs the app's PHPUnit tests with the built extension. PHP runs without Debian's conf.d
# (-n, so an installed copy of the extension cannot interfere); the modules PHPUnit needs are
# loaded by name.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
PHP=${PHP:-php}
so=${1:?usage: run-phpunit.sh path/to/extension.so}
mods=()
for m in ctype dom intl mbstring simplexml tokenizer xml xmlwriter; do
  mods+=(-d "extension=$m")
done
exec $PHP -n "${mods[@]}" -d "extension=$so" /usr/bin/phpunit -c "$root/tests/app/phpunit.xml" "${@:2}"
