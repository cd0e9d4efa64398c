<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\Channel;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Authentication\TwoFactorAuth\IProvider;
use OCP\Authentication\TwoFactorAuth\IRegistry;
use OCP\IL10N;
use OCP\IUser;
use Psr\Container\ContainerInterface;
use TwoFactorGateway\Code;
use TwoFactorGateway\Exception\GatewayException;

/**
 * Personal set-up: verify an identifier with a code, then enable the provider.
 * The code has the login code's policy (TTL, attempts, single use); starting again while the
 * gateway is enabled leaves 2FA on until the new identifier is confirmed.
 */
class SetupService {
	public function __construct(
		private GatewaySender $sender,
		private StateStore $store,
		private CodePolicy $policy,
		private ITimeFactory $time,
		private IL10N $l10n,
		private IRegistry $registry,
		private ContainerInterface $container,
	) {
	}

	/** @return array{gatewayName: string, state: int, phoneNumber: string} */
	public function state(IUser $user, Channel $channel): array {
		$state = $this->store->state($user, $channel);
		return [
			'gatewayName' => $channel->value,
			'state' => $state,
			'phoneNumber' => $state === StateStore::VERIFYING
				? $this->store->verifyingIdentifier($user, $channel)
				: $this->store->identifier($user, $channel),
		];
	}

	/**
	 * Normalises the identifier, sends a verification code to it and remembers both.
	 *
	 * @return string the identifier as it will be used
	 * @throws GatewayException an unusable identifier or a failed send (its message is for the user)
	 */
	public function start(IUser $user, Channel $channel, string $identifier): string {
		$identifier = $this->normalize($channel, $identifier);
		$now = $this->time->getTime();
		$issued = Code::issue($this->policy->key(), $this->policy->length(), $this->policy->ttl(), $this->policy->maxAttempts(), $now);
		$this->sender->send($channel, $identifier, $this->l10n->t('%s is your verification code.', [$issued['code']]));
		$this->store->startVerification($user, $channel, $identifier, $issued['state']);
		return $identifier;
	}

	/** Checks the code; on success the identifier is confirmed and the provider enabled. */
	public function finish(IUser $user, Channel $channel, string $code): bool {
		$state = $this->store->codeState($user, $channel);
		if ($state === '') {
			return false;
		}
		$result = Code::verify($this->policy->key(), $state, $code, $this->time->getTime());
		if (!$result['valid']) {
			$this->store->updateCodeState($user, $channel, $result['state']);
			return false;
		}
		$this->store->enable($user, $channel);
		$this->registry->enableProviderFor($this->provider($channel), $user);
		return true;
	}

	/** Drops a verification in progress; an enabled identifier stays in use. */
	public function cancel(IUser $user, Channel $channel): void {
		$this->store->cancelVerification($user, $channel);
	}

	public function disable(IUser $user, Channel $channel): void {
		$this->store->disable($user, $channel);
		$this->registry->disableProviderFor($this->provider($channel), $user);
	}

	/** See GatewaySender::normalize(). */
	public function normalize(Channel $channel, string $identifier): string {
		return $this->sender->normalize($channel, $identifier);
	}

	private function provider(Channel $channel): IProvider {
		return $this->container->get($channel->providerClass());
	}
}
