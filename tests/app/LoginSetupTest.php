<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Controller\LoginSetupController;
use OCA\TwoFactorGateway\Provider\SignalProvider;
use OCP\Authentication\TwoFactorAuth\ALoginSetupController;
use OCP\Authentication\TwoFactorAuth\IActivatableAtLogin;

/**
 * Set-up during login (IActivatableAtLogin): a user under enforced 2FA without any provider
 * enters a number, gets a code, confirms it, and continues to the challenge.
 */
class LoginSetupTest extends AppTestCase {
	private const SETUP_PAGE = 'route:core.TwoFactorChallenge.setupProvider?providerId=gateway_signal';

	private function page(): string {
		$provider = $this->container->get(SignalProvider::class);
		return $provider->getLoginSetup($this->user)->getBody()->fetchPage(['requesttoken' => 'tok3n']);
	}

	private function controller(): LoginSetupController {
		return $this->container->get(LoginSetupController::class);
	}

	public function testProvidersAndControllerAreOfTheKindsNextcloudExpects(): void {
		$this->assertInstanceOf(IActivatableAtLogin::class, $this->container->get(SignalProvider::class));
		$this->assertInstanceOf(ALoginSetupController::class, $this->controller());
	}

	public function testFromNumberToEnabledProviderToChallenge(): void {
		$this->configureSignal();
		$this->accounts->phones['alice'] = '+49 176 12345678';
		$html = $this->page();
		$this->assertStringContainsString('action="route:twofactor_gateway.LoginSetup.start?gateway=signal"', $html);
		$this->assertStringContainsString('name="requesttoken" value="tok3n"', $html);
		$this->assertStringContainsString('value="+49 176 12345678"', $html, 'prefilled from the profile');

		$this->assertSame(self::SETUP_PAGE, $this->controller()->start('signal', '+49 176 12345678')->getRedirectURL());
		$this->assertCount(1, $this->messages());
		$html = $this->page();
		$this->assertStringContainsString('A verification code has been sent to +4917612345678', $html);
		$this->assertStringContainsString('action="route:twofactor_gateway.LoginSetup.finish?gateway=signal"', $html);
		$this->assertStringNotContainsString($this->lastCode(), $html);

		$this->assertSame(self::SETUP_PAGE, $this->controller()->finish('signal', '000000' === $this->lastCode() ? '111111' : '000000')->getRedirectURL());
		$this->assertStringContainsString('The code is wrong or no longer valid.', $this->page());
		$this->assertStringNotContainsString('The code is wrong', $this->page(), 'a message is shown once');
		$this->assertSame([], $this->registry->getProviderStates($this->user));

		$this->assertSame('route:core.TwoFactorChallenge.showChallenge?challengeProviderId=gateway_signal',
			$this->controller()->finish('signal', $this->lastCode())->getRedirectURL());
		$this->assertSame(['gateway_signal' => true], $this->registry->getProviderStates($this->user));
		$this->assertTrue($this->container->get(SignalProvider::class)->isTwoFactorAuthEnabledForUser($this->user));
	}

	public function testErrorsComeBackToTheSetupPage(): void {
		$this->configureSignal();
		$this->controller()->start('signal', '   ');
		$this->assertStringContainsString('Please enter where the codes should be sent.', $this->page());
		$this->controller()->start('signal', '0176 12345678');
		$this->assertStringContainsString('Could not send a code: the phone number needs a country code', $this->page());
		$this->configureSignal('rest2', 'status503');
		$this->controller()->start('signal', '+4917612345678');
		$this->assertStringContainsString('Could not send a code: Signal: HTTP 503', $this->page());
		$this->assertSame([], $this->registry->getProviderStates($this->user));
	}

	public function testAnotherNumberDropsTheVerification(): void {
		$this->configureSignal();
		$this->controller()->start('signal', '+4917612345678');
		$this->assertSame(self::SETUP_PAGE, $this->controller()->restart('signal')->getRedirectURL());
		$html = $this->page();
		$this->assertStringContainsString('LoginSetup.start', $html);
		$this->assertSame(self::SETUP_PAGE, $this->controller()->finish('signal', $this->lastCode())->getRedirectURL(), 'the old code is gone');
		$this->assertSame([], $this->registry->getProviderStates($this->user));
	}

	public function testUnknownOrUnconfiguredGatewaysGoBackToTheProviderChoice(): void {
		$this->assertSame('route:core.TwoFactorChallenge.selectChallenge', $this->controller()->start('pigeon', '+4917612345678')->getRedirectURL());
		$this->assertSame('route:core.TwoFactorChallenge.selectChallenge', $this->controller()->start('signal', '+4917612345678')->getRedirectURL());
		$this->assertStringContainsString('Signal is not set up on this server yet.', $this->page());
		$this->assertSame([], $this->received());
	}
}
