<?php

declare(strict_types=1);

// The existing app's OCS routes (plain JSON bodies), same paths and verbs; and the form
// targets of the set-up during login (regular routes: Nextcloud lets a user who still has to
// set up a second factor reach only ALoginSetupController subclasses).
return [
	'routes' => [
		['name' => 'LoginSetup#start', 'url' => '/login-setup/{gateway}/start', 'verb' => 'POST'],
		['name' => 'LoginSetup#finish', 'url' => '/login-setup/{gateway}/finish', 'verb' => 'POST'],
		['name' => 'LoginSetup#restart', 'url' => '/login-setup/{gateway}/restart', 'verb' => 'POST'],
	],
	'ocs' => [
		['name' => 'Settings#getVerificationState', 'url' => '/settings/{gateway}/verification', 'verb' => 'GET'],
		['name' => 'Settings#startVerification', 'url' => '/settings/{gateway}/verification/start', 'verb' => 'POST'],
		['name' => 'Settings#finishVerification', 'url' => '/settings/{gateway}/verification/finish', 'verb' => 'POST'],
		['name' => 'Settings#revokeVerification', 'url' => '/settings/{gateway}/verification', 'verb' => 'DELETE'],
	],
];
