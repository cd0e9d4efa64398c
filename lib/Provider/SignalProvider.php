<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Provider;

use OCA\TwoFactorGateway\Channel;

class SignalProvider extends AProvider {
	protected function channel(): Channel {
		return Channel::Signal;
	}
}
