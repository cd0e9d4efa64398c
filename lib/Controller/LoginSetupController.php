<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Controller;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\LoginChallenge;
use OCA\TwoFactorGateway\Service\SetupService;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UseSession;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\RedirectResponse;
use OCP\Authentication\TwoFactorAuth\ALoginSetupController;
use OCP\IL10N;
use OCP\IRequest;
use OCP\IURLGenerator;
use OCP\IUserSession;
use TwoFactorGateway\Exception\GatewayException;

/**
 * Set-up during login, for users who must use two-factor authentication and have no provider
 * yet. Nextcloud only lets a half-logged-in user reach controllers of this kind. Plain HTML
 * forms post here (no script needed on the login page); every action redirects back to the
 * set-up page, or on success to the challenge.
 */
class LoginSetupController extends ALoginSetupController {
	public function __construct(
		IRequest $request,
		private IUserSession $userSession,
		private GatewayConfig $config,
		private SetupService $setup,
		private LoginChallenge $challenge,
		private IURLGenerator $urls,
		private IL10N $l10n,
	) {
		parent::__construct(Application::APP_ID, $request);
	}

	#[NoAdminRequired]
	#[UseSession]
	#[UserRateLimit(limit: 10, period: 3600)]
	public function start(string $gateway, string $identifier = ''): RedirectResponse {
		return $this->withGateway($gateway, function ($user, Channel $channel) use ($identifier) {
			if (trim($identifier) === '') {
				$this->challenge->flash($channel, $this->l10n->t('Please enter where the codes should be sent.'));
			} else {
				try {
					$this->setup->start($user, $channel, $identifier);
				} catch (GatewayException $e) {
					$this->challenge->flash($channel, $this->l10n->t('Could not send a code: %s', [$e->getMessage()]));
				}
			}
			return $this->back($channel);
		});
	}

	#[NoAdminRequired]
	#[UseSession]
	#[UserRateLimit(limit: 10, period: 300)]
	public function finish(string $gateway, string $verificationCode = ''): RedirectResponse {
		return $this->withGateway($gateway, function ($user, Channel $channel) use ($verificationCode) {
			if ($this->setup->finish($user, $channel, trim($verificationCode))) {
				// Enabled: now the regular challenge, as after any other provider's set-up.
				return new RedirectResponse($this->urls->linkToRoute('core.TwoFactorChallenge.showChallenge', [
					'challengeProviderId' => $channel->providerId(),
				]));
			}
			$this->challenge->flash($channel, $this->l10n->t('The code is wrong or no longer valid. Try again or ask for a new code.'));
			return $this->back($channel);
		});
	}

	/** "Use another number": drops the verification in progress. */
	#[NoAdminRequired]
	#[UseSession]
	public function restart(string $gateway): RedirectResponse {
		return $this->withGateway($gateway, function ($user, Channel $channel) {
			$this->setup->cancel($user, $channel);
			return $this->back($channel);
		});
	}

	private function withGateway(string $gateway, callable $action): RedirectResponse {
		$channel = Channel::tryFrom($gateway);
		$user = $this->userSession->getUser();
		if ($channel === null || $user === null || !$this->config->isConfigured($channel)) {
			return new RedirectResponse($this->urls->linkToRoute('core.TwoFactorChallenge.selectChallenge'));
		}
		return $action($user, $channel);
	}

	private function back(Channel $channel): RedirectResponse {
		return new RedirectResponse($this->urls->linkToRoute('core.TwoFactorChallenge.setupProvider', [
			'providerId' => $channel->providerId(),
		]));
	}
}
