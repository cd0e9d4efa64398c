<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Controller\SettingsController;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;

class SettingsControllerTest extends AppTestCase {
	private function controller(): SettingsController {
		return $this->container->get(SettingsController::class);
	}

	/** @return array{0: int, 1: mixed} */
	private function call(string $method, ...$args): array {
		$response = $this->controller()->$method(...$args);
		return [$response->getStatus(), $response->getData()];
	}

	private function prefs(): array {
		$prefs = $this->config->users['alice']['twofactor_gateway'] ?? [];
		ksort($prefs);
		return $prefs;
	}

	public function testEnrolmentWithTheExistingRoutesAndBodies(): void {
		$this->configureSignal();
		$this->config->system['default_phone_region'] = 'DE';

		$this->assertSame([200, ['gatewayName' => 'signal', 'state' => 0, 'phoneNumber' => '']], $this->call('getVerificationState', 'signal'));

		// A national number, completed with the instance's default region.
		$this->assertSame([200, ['phoneNumber' => '+4917612345678']], $this->call('startVerification', 'signal', '0176 1234 5678'));
		$this->assertSame(['+4917612345678'], $this->messages()[0]['recipients']);
		$this->assertMatchesRegularExpression('/^\d{6} is your verification code\.$/', $this->messages()[0]['message']);
		$this->assertSame([200, ['gatewayName' => 'signal', 'state' => 2, 'phoneNumber' => '+4917612345678']], $this->call('getVerificationState', 'signal'));
		$this->assertStringNotContainsString($this->lastCode(), json_encode($this->prefs()), 'the code is not stored');

		$this->assertSame([400, []], $this->call('finishVerification', 'signal', $this->lastCode() === '000000' ? '111111' : '000000'));
		$this->assertSame([200, []], $this->call('finishVerification', 'signal', $this->lastCode()));
		$this->assertSame([200, ['gatewayName' => 'signal', 'state' => 3, 'phoneNumber' => '+4917612345678']], $this->call('getVerificationState', 'signal'));
		$this->assertSame(['gateway_signal' => true], $this->registry->getProviderStates($this->user));
		$this->assertSame(['signal_identifier' => '+4917612345678', 'signal_verified' => 'true'], $this->prefs());

		$this->assertSame([200, ['gatewayName' => 'signal', 'state' => 0, 'phoneNumber' => null]], $this->call('revokeVerification', 'signal'));
		$this->assertSame(['gateway_signal' => false], $this->registry->getProviderStates($this->user));
		$this->assertSame(['signal_identifier' => '+4917612345678'], $this->prefs());
	}

	public function testANewNumberDoesNotSwitchTwoFactorOffUntilConfirmed(): void {
		$this->configureSignal();
		$this->enrol('+4917612345678');
		$this->assertSame([200, ['phoneNumber' => '+4915112345678']], $this->call('startVerification', 'signal', '+49 151 12345678'));
		$this->assertSame([200, ['gatewayName' => 'signal', 'state' => 2, 'phoneNumber' => '+4915112345678']], $this->call('getVerificationState', 'signal'));
		$signal = $this->container->get(\OCA\TwoFactorGateway\Provider\SignalProvider::class);
		$this->assertTrue($signal->isTwoFactorAuthEnabledForUser($this->user), 'still enabled while the new number is unconfirmed');
		$this->assertSame('+4917612345678', $this->prefs()['signal_identifier'], 'logins still go to the old number');

		$this->assertSame([200, []], $this->call('finishVerification', 'signal', $this->lastCode()));
		$this->assertSame('+4915112345678', $this->prefs()['signal_identifier']);
	}

	public function testSetupCodesHaveAttemptsAndExpiry(): void {
		$this->configureSignal();
		$this->call('startVerification', 'signal', '+4917612345678');
		$code = $this->lastCode();
		$wrong = $code === '000000' ? '111111' : '000000';
		for ($i = 0; $i < 5; $i++) {
			$this->assertSame([400, []], $this->call('finishVerification', 'signal', $wrong));
		}
		$this->assertSame([400, []], $this->call('finishVerification', 'signal', $code), 'no more tries after 5 wrong codes');

		$this->call('startVerification', 'signal', '+4917612345678');
		$this->clock->now += 301;
		$this->assertSame([400, []], $this->call('finishVerification', 'signal', $this->lastCode()), 'expired after 5 minutes');
		$this->assertSame([], $this->registry->getProviderStates($this->user));
	}

	public function testErrors(): void {
		$this->assertSame([404, ['message' => 'Unknown gateway']], $this->call('getVerificationState', 'pigeon'));
		$this->assertSame([503, []], $this->call('getVerificationState', 'signal'));
		$this->assertSame([503, []], $this->call('startVerification', 'sms', '+4917612345678'));

		$this->configureSignal();
		$this->assertSame([400, ['message' => 'An identifier is required']], $this->call('startVerification', 'signal', '  '));
		$this->assertSame([400, ['message' => 'the phone number needs a country code (+…), as no default region is set']],
			$this->call('startVerification', 'signal', '0176 12345678'));
		$this->assertSame([400, []], $this->call('finishVerification', 'signal', '123456'), 'no verification started');

		$this->configureSignal('rest2', 'status401');
		[$status, $body] = $this->call('startVerification', 'signal', '+4917612345678');
		$this->assertSame([400, ['message' => 'Signal: HTTP 401: mock failure 401']], [$status, $body]);
		$this->assertSame([200, ['gatewayName' => 'signal', 'state' => 0, 'phoneNumber' => '']], $this->call('getVerificationState', 'signal'));
	}

	public function testStartAndFinishAreRateLimitedPerUser(): void {
		foreach (['startVerification' => [10, 3600], 'finishVerification' => [10, 300]] as $method => [$limit, $period]) {
			$attributes = (new \ReflectionMethod(SettingsController::class, $method))->getAttributes(UserRateLimit::class);
			$this->assertCount(1, $attributes, $method);
			$limiter = $attributes[0]->newInstance();
			$this->assertSame([$limit, $period], [$limiter->getLimit(), $limiter->getPeriod()]);
		}
		foreach (['getVerificationState', 'startVerification', 'finishVerification', 'revokeVerification'] as $method) {
			$this->assertCount(1, (new \ReflectionMethod(SettingsController::class, $method))->getAttributes(NoAdminRequired::class));
		}
	}
}
