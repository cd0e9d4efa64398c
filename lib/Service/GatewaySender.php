<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\Channel;
use OCP\IConfig;
use TwoFactorGateway\Exception\ConfigurationException;
use TwoFactorGateway\Exception\GatewayException;
use TwoFactorGateway\Phone;

/**
 * The one place that instantiates the extension's channel classes: the stored configuration
 * goes to the constructor as it is, the extension checks it.
 */
class GatewaySender {
	public function __construct(
		private GatewayConfig $config,
		private IConfig $system,
	) {
	}

	/**
	 * Sends through the channel's extension class. Phone identifiers that are not E.164 yet
	 * (stored by the existing app as users typed them) are normalised with the instance's
	 * default phone region first, so such users keep receiving their codes.
	 *
	 * @throws GatewayException
	 */
	public function send(Channel $channel, string $identifier, #[\SensitiveParameter] string $message): void {
		$identifier = $this->normalize($channel, $identifier);
		$config = $this->config->load($channel);
		if ($config === null) {
			throw new ConfigurationException($channel->settingsName() . ' is not configured', ConfigurationException::CODE);
		}
		$class = $channel->extensionClass();
		(new $class($config))->send($identifier, $message);
	}

	/**
	 * Phone channels: E.164, with Nextcloud's `default_phone_region` for national numbers;
	 * other identifiers (user ids, group ids, JIDs) are only trimmed.
	 *
	 * @throws GatewayException an unusable number
	 */
	public function normalize(Channel $channel, string $identifier): string {
		$identifier = trim($identifier);
		if ($channel->isPhone() && preg_match('/^[\d\s+()\/.\-]+$/', $identifier) && !preg_match('/^\+[1-9]\d{6,14}$/', $identifier)) {
			$region = $this->system->getSystemValueString('default_phone_region');
			return Phone::normalize($identifier, $region === '' ? null : $region);
		}
		return $identifier;
	}
}
