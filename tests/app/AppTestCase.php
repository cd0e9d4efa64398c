<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\AppInfo\Application;
use PHPUnit\Framework\TestCase;

/**
 * Wires the app as Nextcloud's container would, over in-memory services, with the real
 * extension and the mock Signal gateway (tests/fixtures/signal_mock.php) on 127.0.0.1.
 */
abstract class AppTestCase extends TestCase {
	protected MemoryAppConfig $appConfig;
	protected MemoryConfig $config;
	protected ArraySession $session;
	protected Clock $clock;
	protected Request $request;
	protected Registry $registry;
	protected Logger $logger;
	protected User $user;
	protected Container $container;
	protected Accounts $accounts;
	/** The mock gateway's name for this test's requests. */
	protected string $tenant;

	protected function setUp(): void {
		if (!getenv('TFG_MOCK_URL')) {
			$this->markTestSkipped('needs the mock gateway (make test)');
		}
		$w = new Wiring();
		[$this->appConfig, $this->config, $this->session, $this->clock, $this->request, $this->registry, $this->logger,
			$this->accounts, $this->user, $this->container] = [$w->appConfig, $w->config, $w->session, $w->clock, $w->request,
				$w->registry, $w->logger, $w->accounts, $w->user, $w->container];
		$this->tenant = 'app' . bin2hex(random_bytes(6));
	}

	/** Signal configured as the existing app stores it, pointing at the mock. */
	protected function configureSignal(string $kind = 'rest2', ?string $tenant = null): void {
		$this->appConfig->setValueString(Application::APP_ID, 'signal_url', getenv('TFG_MOCK_URL') . "/$kind/" . ($tenant ?? $this->tenant));
		$this->appConfig->setValueString(Application::APP_ID, 'signal_account', 'unneccessary');
	}

	/** A user enrolled the existing app's way (user preferences). */
	protected function enrol(string $identifier = '+4917612345678', ?User $user = null): void {
		$uid = ($user ?? $this->user)->getUID();
		$this->config->setUserValue($uid, Application::APP_ID, 'signal_identifier', $identifier);
		$this->config->setUserValue($uid, Application::APP_ID, 'signal_verification_code', '123456');
		$this->config->setUserValue($uid, Application::APP_ID, 'signal_verified', 'true');
	}

	/** @return list<array{method: string, path: string, body: string}> what the mock received */
	protected function received(?string $tenant = null): array {
		$file = getenv('TFG_MOCK_DIR') . '/' . ($tenant ?? $this->tenant) . '.jsonl';
		$lines = is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [];
		return array_map(fn ($l) => json_decode($l, true), $lines);
	}

	/** @return list<array{recipients: list<string>, message: string}> the messages sent */
	protected function messages(?string $tenant = null): array {
		$sent = array_filter($this->received($tenant), fn ($r) => $r['path'] === '/v2/send');
		return array_values(array_map(fn ($r) => json_decode($r['body'], true), $sent));
	}

	/** The code in the last message, as the user reads it on the phone. */
	protected function lastCode(): string {
		$messages = $this->messages();
		$this->assertNotEmpty($messages, 'no message was sent');
		$this->assertMatchesRegularExpression('/^(\d{6}) /', end($messages)['message']);
		return substr(end($messages)['message'], 0, 6);
	}
}
