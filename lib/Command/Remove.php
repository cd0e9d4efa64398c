<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Command;

use OCA\TwoFactorGateway\Service\GatewayConfig;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputArgument;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\OutputInterface;

class Remove extends Command {
	use GatewayArgument;

	public function __construct(
		private GatewayConfig $config,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('twofactorauth:gateway:remove')
			->setDescription('Remove the configuration of a two-factor gateway')
			->addArgument('gateway', InputArgument::OPTIONAL, 'signal, sms, telegram, whatsapp or xmpp');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$channel = $this->channelFrom($input, $output, $this->config, $this->getHelper('question'));
		if ($channel === null) {
			return 1;
		}
		$this->config->remove($channel);
		$output->writeln("Removed configuration for gateway {$channel->settingsName()}");
		return 0;
	}
}
