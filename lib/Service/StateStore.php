<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCP\IConfig;
use OCP\IUser;

/**
 * Per-user state in user preferences, under the existing app's keys:
 * `<gw>_identifier`, `<gw>_verification_code`, `<gw>_verified` ('true'/'false').
 * The verification code key now holds the opaque code state (never the code itself); a
 * number being verified while the gateway is enabled waits in `<gw>_pending_identifier`.
 */
class StateStore {
	public const DISABLED = 0;
	public const START_VERIFICATION = 1;
	public const VERIFYING = 2;
	public const ENABLED = 3;

	public function __construct(
		private IConfig $config,
	) {
	}

	public function identifier(IUser $user, Channel $channel): string {
		return $this->get($user, $channel, 'identifier');
	}

	public function isEnabled(IUser $user, Channel $channel): bool {
		return $this->get($user, $channel, 'verified') === 'true';
	}

	/** The number being verified: the pending one while enabled, else the stored one. */
	public function verifyingIdentifier(IUser $user, Channel $channel): string {
		$pending = $this->get($user, $channel, 'pending_identifier');
		return $pending !== '' ? $pending : $this->identifier($user, $channel);
	}

	public function codeState(IUser $user, Channel $channel): string {
		return $this->get($user, $channel, 'verification_code');
	}

	/** 0 disabled, 2 verifying, 3 enabled, as the existing app derives it. */
	public function state(IUser $user, Channel $channel): int {
		$verifying = $this->codeState($user, $channel) !== '' && $this->verifyingIdentifier($user, $channel) !== '';
		if ($this->isEnabled($user, $channel)) {
			return $verifying && $this->get($user, $channel, 'pending_identifier') !== '' ? self::VERIFYING : self::ENABLED;
		}
		return $verifying ? self::VERIFYING : self::DISABLED;
	}

	/** A verification started: while enabled, the current identifier stays in use until it succeeds. */
	public function startVerification(IUser $user, Channel $channel, string $identifier, string $codeState): void {
		if ($this->isEnabled($user, $channel)) {
			$this->set($user, $channel, 'pending_identifier', $identifier);
		} else {
			$this->set($user, $channel, 'identifier', $identifier);
			$this->set($user, $channel, 'verified', 'false');
		}
		$this->set($user, $channel, 'verification_code', $codeState);
	}

	public function updateCodeState(IUser $user, Channel $channel, string $codeState): void {
		$this->set($user, $channel, 'verification_code', $codeState);
	}

	public function enable(IUser $user, Channel $channel): void {
		$identifier = $this->verifyingIdentifier($user, $channel);
		$this->set($user, $channel, 'identifier', $identifier);
		$this->set($user, $channel, 'verified', 'true');
		$this->delete($user, $channel, 'verification_code');
		$this->delete($user, $channel, 'pending_identifier');
	}

	/** Sets the identifier directly (admin command), optionally as verified. */
	public function assign(IUser $user, Channel $channel, string $identifier, bool $verified): void {
		$this->set($user, $channel, 'identifier', $identifier);
		$this->set($user, $channel, 'verified', $verified ? 'true' : 'false');
		$this->delete($user, $channel, 'verification_code');
		$this->delete($user, $channel, 'pending_identifier');
	}

	/** The verification in progress is dropped; the confirmed identifier (if any) stays. */
	public function cancelVerification(IUser $user, Channel $channel): void {
		$this->delete($user, $channel, 'verification_code');
		$this->delete($user, $channel, 'pending_identifier');
	}

	/** Disabled: the identifier is kept, as the existing app does. */
	public function disable(IUser $user, Channel $channel): void {
		$this->delete($user, $channel, 'verified');
		$this->delete($user, $channel, 'verification_code');
		$this->delete($user, $channel, 'pending_identifier');
	}

	private function get(IUser $user, Channel $channel, string $key): string {
		return (string)$this->config->getUserValue($user->getUID(), Application::APP_ID, $channel->value . '_' . $key, '');
	}

	private function set(IUser $user, Channel $channel, string $key, string $value): void {
		$this->config->setUserValue($user->getUID(), Application::APP_ID, $channel->value . '_' . $key, $value);
	}

	private function delete(IUser $user, Channel $channel, string $key): void {
		$this->config->deleteUserValue($user->getUID(), Application::APP_ID, $channel->value . '_' . $key);
	}
}
