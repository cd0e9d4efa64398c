<?php
// The personal settings page for the browser test, under `php -S` with the extension loaded:
//   /                      the real template (personal_settings.php) for signal and sms,
//                          with js/settings.js and a minimal OC object
//   /js/settings.js        the real script
//   /ocs/v2.php/apps/twofactor_gateway/settings/...   the real SettingsController over the
//                          in-memory services of the tests, state kept in a JSON file
//   /__last_code           the code of the last message the mock gateway got (the "phone")

declare(strict_types=1);

require __DIR__ . '/../app/bootstrap.php';

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Controller\SettingsController;
use OCA\TwoFactorGateway\Provider\AProvider;
use OCA\TwoFactorGateway\Tests\Wiring;

$root = dirname(__DIR__, 2);
$dir = getenv('TFG_MOCK_DIR');
$stateFile = "$dir/ui-state.json";
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);

$w = new Wiring();
$w->appConfig->values['twofactor_gateway'] = [
	'signal_url' => getenv('TFG_MOCK_URL') . '/rest2/ui',
	'signal_account' => 'unneccessary',
];
$w->config->system['default_phone_region'] = 'DE';
$w->accounts->phones['alice'] = '0176 12345678';
if (is_file($stateFile)) {
	$saved = json_decode(file_get_contents($stateFile), true);
	$w->config->users = $saved['users'];
	$w->registry->states = $saved['registry'];
}

if ($path === '/') {
	$sections = '';
	foreach ([Channel::Signal, Channel::Sms] as $channel) {
		/** @var AProvider $provider */
		$provider = $w->container->get($channel->providerClass());
		$sections .= '<li class="provider-' . $channel->value . '"><h3>' . htmlspecialchars($provider->getDisplayName()) . '</h3>'
			. $provider->getPersonalSettings($w->user)->getBody()->fetchPage() . "</li>\n";
	}
	header('Content-Type: text/html; charset=utf-8');
	echo <<<HTML
	<!DOCTYPE html>
	<html><head><meta charset="utf-8"><title>Two-factor gateway settings</title>
	<script>window.OC = { requestToken: 'token-123', linkToOCS: (app, v) => '/ocs/v2.php/' + app + '/' }</script>
	<script src="/js/settings.js" defer></script>
	</head><body><ul id="two-factor-auth">$sections</ul></body></html>
	HTML;
	return true;
}

if ($path === '/js/settings.js') {
	header('Content-Type: text/javascript');
	readfile("$root/js/settings.js");
	return true;
}

if ($path === '/__last_code') {
	$lines = @file("$dir/ui.jsonl", FILE_IGNORE_NEW_LINES) ?: [];
	$last = json_decode((string)end($lines), true);
	echo preg_match('/^(\d{6}) /', json_decode($last['body'] ?? '{}', true)['message'] ?? '', $m) ? $m[1] : '';
	return true;
}

if (preg_match('#^/ocs/v2\.php/apps/twofactor_gateway/settings/([a-z]+)/verification(/start|/finish)?$#', $path, $m)) {
	$headers = array_change_key_case(getallheaders(), CASE_LOWER);
	if (($headers['ocs-apirequest'] ?? '') !== 'true' || ($headers['requesttoken'] ?? '') !== 'token-123') {
		http_response_code(412);
		echo json_encode(['message' => 'CSRF check failed']);
		return true;
	}
	$controller = $w->container->get(SettingsController::class);
	$method = $_SERVER['REQUEST_METHOD'];
	$response = match ([$method, $m[2] ?? '']) {
		['GET', ''] => $controller->getVerificationState($m[1]),
		['POST', '/start'] => $controller->startVerification($m[1], (string)($_POST['identifier'] ?? '')),
		['POST', '/finish'] => $controller->finishVerification($m[1], (string)($_POST['verificationCode'] ?? '')),
		['DELETE', ''] => $controller->revokeVerification($m[1]),
		default => null,
	};
	if ($response === null) {
		http_response_code(405);
		return true;
	}
	file_put_contents($stateFile, json_encode(['users' => $w->config->users, 'registry' => $w->registry->states]));
	http_response_code($response->getStatus());
	header('Content-Type: application/json');
	echo $response->render();
	return true;
}

http_response_code(404);
return true;
