<?php

declare(strict_types=1);

if (!extension_loaded('twofactor_gateway')) {
	fwrite(STDERR, "The twofactor_gateway extension is not loaded (run through make test).\n");
	exit(1);
}

require __DIR__ . '/stubs/ocp.php';
require 'Symfony/Component/Console/autoload.php';

$root = dirname(__DIR__, 2);
spl_autoload_register(function (string $class) use ($root): void {
	foreach (['OCA\\TwoFactorGateway\\Tests\\' => __DIR__ . '/', 'OCA\\TwoFactorGateway\\' => "$root/lib/"] as $prefix => $dir) {
		if (str_starts_with($class, $prefix)) {
			$file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
			if (is_file($file)) {
				require $file;
			}
			return;
		}
	}
});
require __DIR__ . '/Fakes.php';

OCP\Template::$appRoot = $root;
OCP\Template::$l10n = new OCA\TwoFactorGateway\Tests\L10N();
