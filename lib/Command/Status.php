<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Command;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\OutputInterface;

/** One line per gateway; with -v its settings, secrets always masked. */
class Status extends Command {
	public function __construct(
		private GatewayConfig $config,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('twofactorauth:gateway:status')
			->setDescription('Show which two-factor gateways are configured');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		foreach (Channel::cases() as $channel) {
			$state = match (true) {
				!$this->config->isAvailable($channel) => 'not available in this build',
				$this->config->isConfigured($channel) => 'configured',
				default => 'not configured',
			};
			$output->writeln("{$channel->settingsName()}: $state");
			if ($output->isVerbose() && $state === 'configured') {
				$output->writeln(json_encode($this->config->describe($channel), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
			}
		}
		return 0;
	}
}
