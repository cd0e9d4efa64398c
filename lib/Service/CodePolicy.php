<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCP\IAppConfig;
use OCP\IConfig;

/**
 * How codes are made: length, lifetime, attempts, resend cooldown (app config, bounded), and
 * the key that protects their state (the instance secret).
 */
class CodePolicy {
	public const DEFAULT_TTL = 300;
	public const MAX_TTL = 600;
	public const DEFAULT_LENGTH = 6;
	public const MAX_ATTEMPTS = 5;
	public const RESEND_COOLDOWN = 60;

	public function __construct(
		private IAppConfig $appConfig,
		private IConfig $config,
	) {
	}

	public function ttl(): int {
		$ttl = (int)$this->appConfig->getValueString(Application::APP_ID, 'code_ttl', (string)self::DEFAULT_TTL);
		return max(30, min(self::MAX_TTL, $ttl));
	}

	public function length(): int {
		$length = (int)$this->appConfig->getValueString(Application::APP_ID, 'code_length', (string)self::DEFAULT_LENGTH);
		return max(6, min(10, $length));
	}

	public function maxAttempts(): int {
		return self::MAX_ATTEMPTS;
	}

	public function resendCooldown(): int {
		return self::RESEND_COOLDOWN;
	}

	/** The key of code states: the instance secret, never empty. */
	public function key(): string {
		$secret = $this->config->getSystemValueString('secret');
		return 'twofactor_gateway:' . ($secret !== '' ? $secret : $this->config->getSystemValueString('instanceid'));
	}
}
