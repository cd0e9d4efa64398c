<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\AppInfo;

use OCA\TwoFactorGateway\Channel;
use OCP\AppFramework\App;
use OCP\AppFramework\Bootstrap\IBootContext;
use OCP\AppFramework\Bootstrap\IBootstrap;
use OCP\AppFramework\Bootstrap\IRegistrationContext;

class Application extends App implements IBootstrap {
	public const APP_ID = 'twofactor_gateway';

	public function __construct(array $urlParams = []) {
		parent::__construct(self::APP_ID, $urlParams);
	}

	public function register(IRegistrationContext $context): void {
		// One provider per channel. Registration does no HTTP and no database work.
		foreach (Channel::cases() as $channel) {
			$context->registerTwoFactorProvider($channel->providerClass());
		}
	}

	public function boot(IBootContext $context): void {
	}
}
