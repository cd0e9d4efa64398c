<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Provider\AProvider;
use OCA\TwoFactorGateway\Provider\SignalProvider;
use OCA\TwoFactorGateway\Provider\SmsProvider;
use OCP\Authentication\TwoFactorAuth\TwoFactorException;

class ProviderTest extends AppTestCase {
	private function provider(Channel $channel = Channel::Signal): AProvider {
		return $this->container->get($channel->providerClass());
	}

	public function testMetadataIsTheExistingApps(): void {
		$expected = [
			['gateway_signal', 'Signal verification', 'Authenticate via Signal'],
			['gateway_sms', 'Message gateway verification', 'Authenticate via SMS'],
			['gateway_telegram', 'Telegram verification', 'Authenticate via Telegram'],
			['gateway_whatsapp', 'WhatsApp verification', 'Authenticate via WhatsApp'],
			['gateway_xmpp', 'XMPP verification', 'Authenticate via XMPP'],
		];
		foreach (Channel::cases() as $i => $channel) {
			$p = $this->provider($channel);
			$this->assertSame($expected[$i], [$p->getId(), $p->getDisplayName(), $p->getDescription()]);
			$this->assertSame('/apps/twofactor_gateway/img/app.svg', $p->getLightIcon());
			$this->assertSame('/apps/twofactor_gateway/img/app-dark.svg', $p->getDarkIcon());
		}
	}

	public function testEnabledStateComesFromTheExistingPreferences(): void {
		$p = $this->provider();
		$this->assertFalse($p->isTwoFactorAuthEnabledForUser($this->user));
		$this->enrol();
		$this->assertTrue($p->isTwoFactorAuthEnabledForUser($this->user));
		$p->disableFor($this->user);
		$this->assertFalse($p->isTwoFactorAuthEnabledForUser($this->user));
		// The identifier is kept, so an admin can enable it again.
		$p->enableFor($this->user);
		$this->assertTrue($p->isTwoFactorAuthEnabledForUser($this->user));
	}

	public function testAdminCannotEnableAUserWithoutIdentifier(): void {
		$this->expectException(\InvalidArgumentException::class);
		$this->expectExceptionMessage('alice has no Signal identifier');
		$this->provider()->enableFor($this->user);
	}

	public function testFirstRenderSendsRerenderSendsNothing(): void {
		$this->configureSignal();
		$this->enrol();
		$p = $this->provider();
		$page = $p->getTemplate($this->user);
		$this->assertSame('challenge', $page->name);
		$this->assertCount(1, $this->messages());
		$this->assertSame(['+4917612345678'], $this->messages()[0]['recipients']);
		$this->assertMatchesRegularExpression('/^\d{6} is your Nextcloud authentication code$/', $this->messages()[0]['message']);

		// Reloads of the page (and the browser's back button) send nothing while the code is valid.
		$this->clock->now += 100;
		$p->getTemplate($this->user);
		$p->getTemplate($this->user);
		$this->assertCount(1, $this->messages());

		$html = $page->fetchPage();
		$this->assertStringContainsString('An access code has been sent to ***********678', $html);
		$this->assertStringNotContainsString($this->lastCode(), $html);
		$this->assertStringNotContainsString($this->lastCode(), json_encode($this->session->data));
	}

	public function testResendHasACooldown(): void {
		$this->configureSignal();
		$this->enrol();
		$p = $this->provider();
		$p->getTemplate($this->user);
		$first = $this->lastCode();

		$this->request->params['resend'] = '1';
		$this->clock->now += 30;
		$page = $p->getTemplate($this->user);
		$this->assertCount(1, $this->messages(), 'a resend within 60 s sends nothing');
		$this->assertSame(30, $page->vars()['waitSeconds']);
		$this->assertStringContainsString('ask for a new one in 30 seconds', $page->fetchPage());

		$this->clock->now += 31;
		$page = $p->getTemplate($this->user);
		$this->assertCount(2, $this->messages());
		unset($this->request->params['resend']);
		// The new code replaces the old one.
		$second = $this->lastCode();
		if ($first !== $second) {
			$this->assertFalse($p->verifyChallenge($this->user, $first));
		}
		$this->assertTrue($p->verifyChallenge($this->user, $second));
	}

	public function testCodeIsSingleUse(): void {
		$this->configureSignal();
		$this->enrol();
		$p = $this->provider();
		$p->getTemplate($this->user);
		$code = $this->lastCode();
		$this->assertTrue($p->verifyChallenge($this->user, $code));
		$this->expectException(TwoFactorException::class);
		$p->verifyChallenge($this->user, $code);
	}

	public function testFiveWrongCodesUseTheCodeUp(): void {
		$this->configureSignal();
		$this->enrol();
		$p = $this->provider();
		$p->getTemplate($this->user);
		$code = $this->lastCode();
		$wrong = $code === '000000' ? '111111' : '000000';
		for ($i = 0; $i < 5; $i++) {
			$this->assertFalse($p->verifyChallenge($this->user, $wrong));
		}
		try {
			$p->verifyChallenge($this->user, $code);
			$this->fail('the right code was accepted after 5 wrong ones');
		} catch (TwoFactorException $e) {
			$this->assertSame('Too many wrong codes. Please request a new code.', $e->getMessage());
		}
		// The next render sends a fresh code.
		$p->getTemplate($this->user);
		$this->assertCount(2, $this->messages());
		$this->assertTrue($p->verifyChallenge($this->user, $this->lastCode()));
	}

	public function testCodesExpireAfterTheConfiguredTime(): void {
		$this->configureSignal();
		$this->enrol();
		$this->appConfig->setValueString('twofactor_gateway', 'code_ttl', '120');
		$p = $this->provider();
		$p->getTemplate($this->user);
		$this->clock->now += 120;
		try {
			$p->verifyChallenge($this->user, $this->lastCode());
			$this->fail('an expired code was accepted');
		} catch (TwoFactorException $e) {
			$this->assertSame('The code has expired. Please request a new code.', $e->getMessage());
		}
	}

	public function testTtlIsCappedAtTenMinutes(): void {
		$this->configureSignal();
		$this->enrol();
		$this->appConfig->setValueString('twofactor_gateway', 'code_ttl', '86400');
		$p = $this->provider();
		$p->getTemplate($this->user);
		$this->clock->now += 600;
		$this->expectException(TwoFactorException::class);
		$p->verifyChallenge($this->user, $this->lastCode());
	}

	public function testAFailedSendShowsTheErrorPageAndLogsNoSecret(): void {
		$this->configureSignal('rest2', 'status500');
		$this->enrol();
		$page = $this->provider()->getTemplate($this->user);
		$this->assertSame('error', $page->name);
		$this->assertStringContainsString('Error while sending the Message.', $page->fetchPage());
		$this->assertSame(['warning: Could not send the login code through signal: Signal: HTTP 500: mock failure 500'], $this->logger->lines);
		$this->assertSame([], $this->session->data, 'nothing is kept after a failed send');
	}

	public function testAnUnconfiguredChannelShowsTheErrorPage(): void {
		$this->enrol();
		$this->assertSame('error', $this->provider(Channel::Signal)->getTemplate($this->user)->name);
		$this->assertSame('error', $this->provider(Channel::Sms)->getTemplate($this->user)->name);
		$this->assertInstanceOf(SmsProvider::class, $this->provider(Channel::Sms));
	}

	public function testMasking(): void {
		$this->assertSame('***********678', AProvider::mask('+4917612345678'));
		$this->assertSame('***', AProvider::mask('abc'));
		$this->assertSame('*', AProvider::mask('a'));
		$this->assertSame('', AProvider::mask(''));
		$this->assertSame('*****.de', AProvider::mask('bob@x.de'));
	}

	public function testPersonalSettingsBody(): void {
		$this->configureSignal();
		$html = $this->provider()->getPersonalSettings($this->user)->getBody()->fetchPage();
		$this->assertStringContainsString('id="twofactor-gateway-signal-is-complete" value="1"', $html);
		$this->assertStringContainsString('id="twofactor-gateway-signal"', $html);
		$this->assertStringContainsString('data-prefill=""', $html);
		$this->assertStringContainsString('data-instructions="The gateway can send authentication codes to your Signal app', $html);
		// A phone channel offers the number from the profile; an enrolled number wins.
		$this->accounts->phones['alice'] = '+49 176 12345678';
		$html = $this->provider()->getPersonalSettings($this->user)->getBody()->fetchPage();
		$this->assertStringContainsString('data-prefill="+49 176 12345678"', $html);
		$this->enrol('+4915112345678');
		$html = $this->provider()->getPersonalSettings($this->user)->getBody()->fetchPage();
		$this->assertStringContainsString('data-prefill="+4915112345678"', $html);
		$html = $this->provider(Channel::Sms)->getPersonalSettings($this->user)->getBody()->fetchPage();
		$this->assertStringContainsString('id="twofactor-gateway-sms-is-complete" value="0"', $html);
	}
}
