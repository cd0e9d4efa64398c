<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Migration\RenameLegacyKeys;
use OCA\TwoFactorGateway\Provider\SignalProvider;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCP\Migration\IOutput;

/** An instance of the existing app, as its database holds it, works unchanged. */
class ConfigCompatibilityTest extends AppTestCase {
	public function testExistingFlatKeysAndPreferencesGiveAWorkingProvider(): void {
		// As v3.0 stores them: plain strings, the "no account" literal, a user enabled long ago.
		$this->configureSignal('rpc');
		$this->enrol('+4917612345678');
		$provider = $this->container->get(SignalProvider::class);
		$this->assertTrue($provider->isTwoFactorAuthEnabledForUser($this->user));
		$provider->getTemplate($this->user);
		$sends = array_values(array_filter($this->received(), fn ($r) => str_contains($r['body'], '"method":"send"')));
		$this->assertCount(1, $sends);
		$params = json_decode($sends[0]['body'], true)['params'];
		$this->assertSame('+4917612345678', $params['recipient']);
		$this->assertArrayNotHasKey('account', $params, 'the "unneccessary" literal is not sent as an account');
		$this->assertTrue($provider->verifyChallenge($this->user, substr($params['message'], 0, 6)));
	}

	public function testInstanceKeysOfNewerReleasesAreReadWhenFlatKeysAreMissing(): void {
		$url = getenv('TFG_MOCK_URL') . '/rest2/' . $this->tenant;
		$this->appConfig->setValueString('twofactor_gateway', 'instances:signal', json_encode([
			['id' => '0123456789abcdef', 'label' => 'Old', 'default' => false, 'createdAt' => '2026-01-01T00:00:00+00:00', 'groupIds' => [], 'priority' => 0],
			['id' => 'fedcba9876543210', 'label' => 'Default', 'default' => true, 'createdAt' => '2026-02-01T00:00:00+00:00', 'groupIds' => [], 'priority' => 0],
		]));
		$this->appConfig->setValueString('twofactor_gateway', 'signal:0123456789abcdef:url', 'http://127.0.0.1:1');
		$this->appConfig->setValueString('twofactor_gateway', 'signal:fedcba9876543210:url', $url);
		$config = $this->container->get(GatewayConfig::class);
		$this->assertSame(['url' => $url], $config->load(Channel::Signal));

		$this->enrol();
		$this->container->get(SignalProvider::class)->getTemplate($this->user);
		$this->assertCount(1, $this->messages());
	}

	public function testIncompleteConfigurationIsNotConfigured(): void {
		$config = $this->container->get(GatewayConfig::class);
		$this->assertFalse($config->isConfigured(Channel::Signal));
		$this->appConfig->setValueString('twofactor_gateway', 'signal_account', '+4915112345678');
		$this->assertFalse($config->isConfigured(Channel::Signal), 'the URL key must exist, as in the existing app');
		$this->appConfig->setValueString('twofactor_gateway', 'instances:signal', 'not json');
		$this->assertFalse($config->isConfigured(Channel::Signal));
	}

	public function testRepairStepRenamesTheLegacyKeys(): void {
		$app = 'twofactor_gateway';
		$this->appConfig->setValueString($app, 'sms_provider_name', 'clickatellportal');
		$this->appConfig->setValueString($app, 'ecallsms_senderid', 'Nextcloud');
		$this->appConfig->setValueString($app, 'voipms_api_username', 'u');
		$this->appConfig->setValueString($app, 'spryng_apitoken', 't0ken');
		$this->appConfig->setValueString($app, 'spryngsms_apitoken', 'newer');
		$this->appConfig->setValueString($app, 'telegram_bot_token', '123:abc');
		$output = new class implements IOutput {
			public array $lines = [];

			public function info($message) {
				$this->lines[] = $message;
			}

			public function warning($message) {
				$this->lines[] = "warning: $message";
			}
		};
		$step = new RenameLegacyKeys($this->appConfig, $this->container->get(GatewayConfig::class));
		$step->run($output);
		$step->run($output);
		$values = $this->appConfig->values[$app];
		ksort($values);
		$this->assertSame([
			'ecallsms_sender' => 'Nextcloud',
			'sms_provider_name' => 'clickatell_portal',
			'spryngsms_apitoken' => 'newer',
			'telegram_bot_token' => '123:abc',
			'telegram_provider_name' => 'telegram_bot',
			'voipms_api_user' => 'u',
		], $values);
		$this->assertSame([
			'SMS provider id clickatellportal is now clickatell_portal',
			'Setting ecallsms_senderid is now ecallsms_sender',
			'Setting voipms_api_username is now voipms_api_user',
			'1 stored secret(s) marked sensitive',
		], $output->lines, 'a second run changes nothing');
		$this->assertTrue($this->appConfig->isSensitiveKey($app, 'spryngsms_apitoken'));
		$this->assertStringNotContainsString('t0ken', implode("\n", $output->lines));
	}
}
