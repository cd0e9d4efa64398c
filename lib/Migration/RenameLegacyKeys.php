<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Migration;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCP\IAppConfig;
use OCP\Migration\IOutput;
use OCP\Migration\IRepairStep;

/**
 * Brings configurations of the existing app's 0.x releases to the current keys (which that
 * app never migrated), and flags stored secrets as sensitive. Safe to run any number of times.
 */
class RenameLegacyKeys implements IRepairStep {
	/** Renamed SMS provider ids (values of `sms_provider_name`). */
	public const PROVIDER_IDS = [
		'websms' => 'websms_de',
		'puzzelsms' => 'puzzel',
		'spryng' => 'spryngsms',
		'clickatellcentral' => 'clickatell_central',
		'clickatellportal' => 'clickatell_portal',
	];

	/** Renamed keys: old => new. */
	public const KEYS = [
		'ecallsms_senderid' => 'ecallsms_sender',
		'voipms_api_username' => 'voipms_api_user',
		'voipbuster_api_username' => 'voipbuster_api_user',
		'spryng_apitoken' => 'spryngsms_apitoken',
	];

	public function __construct(
		private IAppConfig $appConfig,
		private GatewayConfig $config,
	) {
	}

	public function getName() {
		return 'Migrate legacy two-factor gateway settings';
	}

	public function run(IOutput $output) {
		$app = Application::APP_ID;
		$provider = $this->appConfig->getValueString($app, 'sms_provider_name');
		if (isset(self::PROVIDER_IDS[$provider])) {
			$this->appConfig->setValueString($app, 'sms_provider_name', self::PROVIDER_IDS[$provider]);
			$output->info("SMS provider id $provider is now " . self::PROVIDER_IDS[$provider]);
		}
		foreach (self::KEYS as $old => $new) {
			if (!$this->appConfig->hasKey($app, $old)) {
				continue;
			}
			if (!$this->appConfig->hasKey($app, $new)) {
				$this->appConfig->setValueString($app, $new, $this->appConfig->getValueString($app, $old));
				$output->info("Setting $old is now $new");
			}
			$this->appConfig->deleteKey($app, $old);
		}
		// 0.x had only the bot.
		if ($this->appConfig->getValueString($app, 'telegram_provider_name') === ''
			&& $this->appConfig->getValueString($app, 'telegram_bot_token') !== '') {
			$this->appConfig->setValueString($app, 'telegram_provider_name', 'telegram_bot');
		}
		$flagged = $this->config->markSecretsSensitive();
		if ($flagged > 0) {
			$output->info("$flagged stored secret(s) marked sensitive");
		}
	}
}
