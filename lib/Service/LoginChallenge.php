<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\Channel;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IL10N;
use OCP\ISession;
use OCP\IUser;
use TwoFactorGateway\Code;
use TwoFactorGateway\Exception\GatewayException;

/**
 * The login challenge: one code per login, sent once, kept in the session as an opaque state.
 *
 * - The first render sends a code. Rendering again while it can still be entered sends nothing.
 * - "Send a new code" replaces it, at most once per cooldown.
 * - The code expires (TTL), allows a few wrong tries, and works once.
 */
class LoginChallenge {
	public function __construct(
		private ISession $session,
		private GatewaySender $sender,
		private StateStore $store,
		private CodePolicy $policy,
		private ITimeFactory $time,
		private IL10N $l10n,
	) {
	}

	/**
	 * Makes sure a usable code has been sent; sends one when there is none (or when a resend
	 * was asked for and the cooldown has passed).
	 *
	 * @return array{sent: bool, waitSeconds: int} sent: a message went out now; waitSeconds:
	 *   how long until a new code may be asked for
	 * @throws GatewayException the gateway failed (nothing is stored then)
	 */
	public function prepare(IUser $user, Channel $channel, bool $resend = false): array {
		$now = $this->time->getTime();
		$state = $this->session->get($this->stateKey($channel));
		// The state knows when its code was made: that is when it was sent.
		$status = is_string($state) ? Code::inspect($this->policy->key(), $state, $now) : null;
		$usable = $status !== null && $status['usable'];
		$wait = $status === null ? 0 : max(0, $status['issuedAt'] + $this->policy->resendCooldown() - $now);

		if ($usable && (!$resend || $wait > 0)) {
			return ['sent' => false, 'waitSeconds' => $wait];
		}

		$issued = Code::issue($this->policy->key(), $this->policy->length(), $this->policy->ttl(), $this->policy->maxAttempts(), $now);
		$message = $this->l10n->t('%s is your Nextcloud authentication code', [$issued['code']]);
		$this->sender->send($channel, $this->store->identifier($user, $channel), $message);
		$this->session->set($this->stateKey($channel), $issued['state']);
		return ['sent' => true, 'waitSeconds' => $this->policy->resendCooldown()];
	}

	/**
	 * Checks what the user typed.
	 *
	 * @return array{valid: bool, reason: string} reason: ok, mismatch, used, expired,
	 *   exhausted, invalid, or none (no code in this session)
	 */
	public function verify(Channel $channel, string $input): array {
		$state = $this->session->get($this->stateKey($channel));
		if (!is_string($state)) {
			return ['valid' => false, 'reason' => 'none'];
		}
		$result = Code::verify($this->policy->key(), $state, $input, $this->time->getTime());
		if ($result['valid']) {
			$this->forget($channel);
		} else {
			$this->session->set($this->stateKey($channel), $result['state']);
		}
		return ['valid' => $result['valid'], 'reason' => $result['reason']];
	}

	public function forget(Channel $channel): void {
		$this->session->remove($this->stateKey($channel));
	}

	private function stateKey(Channel $channel): string {
		return 'twofactor_gateway_' . $channel->value . '_state';
	}

	/** A message for the next render of the login set-up page. */
	public function flash(Channel $channel, string $message): void {
		$this->session->set($this->flashKey($channel), $message);
	}

	/** The message left for the login set-up page, once. */
	public function takeFlash(Channel $channel): string {
		$message = $this->session->get($this->flashKey($channel));
		if ($message !== null) {
			$this->session->remove($this->flashKey($channel));
		}
		return is_string($message) ? $message : '';
	}

	private function flashKey(Channel $channel): string {
		return 'twofactor_gateway_' . $channel->value . '_setup_message';
	}
}
