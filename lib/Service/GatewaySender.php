<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\Channel;
use TwoFactorGateway\Exception\ConfigurationException;
use TwoFactorGateway\Exception\GatewayException;

/**
 * The one place that instantiates the extension's channel classes: the stored configuration
 * goes to the constructor as it is, the extension checks it.
 */
class GatewaySender {
	public function __construct(
		private GatewayConfig $config,
	) {
	}

	/** @throws GatewayException */
	public function send(Channel $channel, string $identifier, string $message): void {
		$config = $this->config->load($channel);
		if ($config === null) {
			throw new ConfigurationException($channel->settingsName() . ' is not configured', ConfigurationException::CODE);
		}
		$class = $channel->extensionClass();
		(new $class($config))->send($identifier, $message);
	}
}
