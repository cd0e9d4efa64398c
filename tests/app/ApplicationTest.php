<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Provider\AProvider;
use PHPUnit\Framework\TestCase;

class ApplicationTest extends TestCase {
	public function testRegistersOneProviderPerChannel(): void {
		$registration = new Registration();
		(new Application())->register($registration);
		$this->assertSame([
			'OCA\TwoFactorGateway\Provider\SignalProvider',
			'OCA\TwoFactorGateway\Provider\SmsProvider',
			'OCA\TwoFactorGateway\Provider\TelegramProvider',
			'OCA\TwoFactorGateway\Provider\WhatsAppProvider',
			'OCA\TwoFactorGateway\Provider\XmppProvider',
		], $registration->providers);
		foreach ($registration->providers as $class) {
			$this->assertTrue(is_subclass_of($class, AProvider::class));
		}
	}

	public function testInfoXmlDeclaresTheAppAsADropIn(): void {
		$info = simplexml_load_file(__DIR__ . '/../../appinfo/info.xml');
		$this->assertSame('twofactor_gateway', (string)$info->id);
		$this->assertSame('TwoFactorGateway', (string)$info->namespace);
		$this->assertSame('5.0.0', (string)$info->version);
		$this->assertSame('security', (string)$info->category);
		$this->assertSame('twofactor_gateway', (string)$info->dependencies->lib);
		$this->assertSame('31', (string)$info->dependencies->nextcloud['min-version']);
		$this->assertSame('34', (string)$info->dependencies->nextcloud['max-version']);
		foreach ($info->commands->command as $command) {
			$this->assertTrue(class_exists((string)$command), (string)$command);
		}
		foreach ($info->{'repair-steps'}->{'post-migration'}->step as $step) {
			$this->assertTrue(class_exists((string)$step), (string)$step);
		}
	}

	public function testRoutesAreTheExistingAppsOnes(): void {
		$routes = require __DIR__ . '/../../appinfo/routes.php';
		$this->assertSame([
			'GET /settings/{gateway}/verification Settings#getVerificationState',
			'POST /settings/{gateway}/verification/start Settings#startVerification',
			'POST /settings/{gateway}/verification/finish Settings#finishVerification',
			'DELETE /settings/{gateway}/verification Settings#revokeVerification',
		], array_map(fn ($r) => "{$r['verb']} {$r['url']} {$r['name']}", $routes['ocs']));
	}

	public function testChannelsKeepTheExistingIds(): void {
		$this->assertSame(
			['gateway_signal', 'gateway_sms', 'gateway_telegram', 'gateway_whatsapp', 'gateway_xmpp'],
			array_map(fn (Channel $c) => $c->providerId(), Channel::cases()),
		);
	}
}
