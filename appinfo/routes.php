<?php

declare(strict_types=1);

// The existing app's OCS routes (plain JSON bodies), same paths and verbs.
return [
	'ocs' => [
		['name' => 'Settings#getVerificationState', 'url' => '/settings/{gateway}/verification', 'verb' => 'GET'],
		['name' => 'Settings#startVerification', 'url' => '/settings/{gateway}/verification/start', 'verb' => 'POST'],
		['name' => 'Settings#finishVerification', 'url' => '/settings/{gateway}/verification/finish', 'verb' => 'POST'],
		['name' => 'Settings#revokeVerification', 'url' => '/settings/{gateway}/verification', 'verb' => 'DELETE'],
	],
];
