<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Provider;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\LoginChallenge;
use OCA\TwoFactorGateway\Service\StateStore;
use OCA\TwoFactorGateway\Settings\LoginSetup;
use OCA\TwoFactorGateway\Settings\PersonalSettings;
use OCP\Accounts\IAccountManager;
use OCP\Authentication\TwoFactorAuth\IActivatableAtLogin;
use OCP\Authentication\TwoFactorAuth\IActivatableByAdmin;
use OCP\Authentication\TwoFactorAuth\IDeactivatableByAdmin;
use OCP\Authentication\TwoFactorAuth\ILoginSetupProvider;
use OCP\Authentication\TwoFactorAuth\IPersonalProviderSettings;
use OCP\Authentication\TwoFactorAuth\IProvidesIcons;
use OCP\Authentication\TwoFactorAuth\IProvidesPersonalSettings;
use OCP\Authentication\TwoFactorAuth\TwoFactorException;
use OCP\IL10N;
use OCP\IRequest;
use OCP\IURLGenerator;
use OCP\IUser;
use OCP\Template;
use Psr\Log\LoggerInterface;
use TwoFactorGateway\Exception\GatewayException;

/**
 * One 2FA provider per channel; the subclasses only name their channel.
 */
abstract class AProvider implements IProvidesIcons, IProvidesPersonalSettings, IDeactivatableByAdmin, IActivatableByAdmin, IActivatableAtLogin {
	abstract protected function channel(): Channel;

	public function __construct(
		protected GatewayConfig $config,
		protected LoginChallenge $challenge,
		protected StateStore $store,
		protected IL10N $l10n,
		protected IRequest $request,
		protected IURLGenerator $urls,
		protected LoggerInterface $logger,
		protected IAccountManager $accounts,
	) {
	}

	public function getId(): string {
		return $this->channel()->providerId();
	}

	public function getDisplayName(): string {
		return $this->channel()->displayName($this->l10n);
	}

	public function getDescription(): string {
		return $this->channel()->description($this->l10n);
	}

	public function getLightIcon(): string {
		return $this->urls->imagePath(Application::APP_ID, 'app.svg');
	}

	public function getDarkIcon(): string {
		return $this->urls->imagePath(Application::APP_ID, 'app-dark.svg');
	}

	/** Called on every render of the challenge page: sends a code only when none is usable. */
	public function getTemplate(IUser $user): Template {
		$channel = $this->channel();
		try {
			$outcome = $this->challenge->prepare($user, $channel, $this->request->getParam('resend') === '1');
		} catch (GatewayException $e) {
			$this->logger->warning('Could not send the login code through {gateway}: {reason}', [
				'app' => Application::APP_ID,
				'gateway' => $channel->value,
				'reason' => $e->getMessage(),
			]);
			return new Template(Application::APP_ID, 'error');
		}
		$template = new Template(Application::APP_ID, 'challenge');
		$template->assign('identifier', self::mask($this->store->identifier($user, $channel)));
		$template->assign('waitSeconds', $outcome['waitSeconds']);
		return $template;
	}

	public function verifyChallenge(IUser $user, string $challenge): bool {
		$result = $this->challenge->verify($this->channel(), $challenge);
		return match ($result['reason']) {
			'ok' => true,
			'mismatch' => false,
			'exhausted' => throw new TwoFactorException($this->l10n->t('Too many wrong codes. Please request a new code.')),
			'expired' => throw new TwoFactorException($this->l10n->t('The code has expired. Please request a new code.')),
			default => throw new TwoFactorException($this->l10n->t('This code can no longer be used. Please request a new code.')),
		};
	}

	public function isTwoFactorAuthEnabledForUser(IUser $user): bool {
		return $this->store->isEnabled($user, $this->channel());
	}

	public function getPersonalSettings(IUser $user): IPersonalProviderSettings {
		$channel = $this->channel();
		return new PersonalSettings($channel, $this->config->isConfigured($channel), $this->prefill($user), $channel->instructions($this->l10n));
	}

	/** Set-up during login (enforced 2FA, no provider yet): identifier, then code, then the challenge. */
	public function getLoginSetup(IUser $user): ILoginSetupProvider {
		$channel = $this->channel();
		$route = fn (string $action) => $this->urls->linkToRoute("twofactor_gateway.LoginSetup.$action", ['gateway' => $channel->value]);
		$verifying = $this->store->state($user, $channel) === StateStore::VERIFYING;
		return new LoginSetup([
			'name' => $channel->settingsName(),
			'configured' => $this->config->isConfigured($channel),
			'phone' => $channel->isPhone(),
			'instructions' => $channel->instructions($this->l10n),
			'prefill' => $this->prefill($user),
			'pending' => $verifying ? $this->store->verifyingIdentifier($user, $channel) : '',
			'message' => $this->challenge->takeFlash($channel),
			'startUrl' => $route('start'),
			'finishUrl' => $route('finish'),
			'restartUrl' => $route('restart'),
		]);
	}

	/** The enrolled identifier, or for phone channels the number from the user's profile. */
	private function prefill(IUser $user): string {
		$channel = $this->channel();
		$prefill = $this->store->identifier($user, $channel);
		if ($prefill === '' && $channel->isPhone()) {
			// The number from the user's profile, to confirm rather than type.
			try {
				$prefill = $this->accounts->getAccount($user)->getProperty(IAccountManager::PROPERTY_PHONE)->getValue();
			} catch (\Throwable) {
				$prefill = '';
			}
		}
		return $prefill;
	}

	/** `occ twofactorauth:disable`, admin reset. */
	public function disableFor(IUser $user) {
		$this->store->disable($user, $this->channel());
	}

	/** `occ twofactorauth:enable`: only for a user who has an identifier for this channel. */
	public function enableFor(IUser $user) {
		$identifier = $this->store->identifier($user, $this->channel());
		if ($identifier === '') {
			throw new \InvalidArgumentException(sprintf('%s has no %s identifier; set one first (occ twofactorauth:gateway:set-identifier)', $user->getUID(), $this->channel()->settingsName()));
		}
		$this->store->assign($user, $this->channel(), $identifier, true);
	}

	/** All but the last three characters hidden; short identifiers entirely. */
	public static function mask(string $identifier): string {
		$length = mb_strlen($identifier);
		if ($length <= 3) {
			return str_repeat('*', $length);
		}
		return str_repeat('*', $length - 3) . mb_substr($identifier, -3);
	}
}
