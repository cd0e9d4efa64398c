<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Command;

use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\GatewaySender;
use OCA\TwoFactorGateway\Service\SetupService;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputArgument;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\OutputInterface;
use TwoFactorGateway\Exception\GatewayException;

/** Sends a test message; exit 1 with the reason when it fails. */
class Test extends Command {
	use GatewayArgument;

	public const MESSAGE = 'Two Factor Gateway test message';

	public function __construct(
		private GatewayConfig $config,
		private GatewaySender $sender,
		private SetupService $setup,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('twofactorauth:gateway:test')
			->setDescription('Send a test message through a two-factor gateway')
			->addArgument('gateway', InputArgument::REQUIRED, 'signal, sms, telegram, whatsapp or xmpp')
			->addArgument('identifier', InputArgument::REQUIRED, 'recipient: phone number, chat id, JID …');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$channel = $this->namedChannel((string)$input->getArgument('gateway'), $output);
		if ($channel === null) {
			return 1;
		}
		if (!$this->config->isConfigured($channel)) {
			$output->writeln("<error>Gateway {$channel->value} is not configured</error>");
			return 1;
		}
		$started = microtime(true);
		try {
			$identifier = $this->setup->normalize($channel, (string)$input->getArgument('identifier'));
			$this->sender->send($channel, $identifier, self::MESSAGE);
		} catch (GatewayException $e) {
			$output->writeln(sprintf('<error>Sending failed (%s): %s</error>', substr(strrchr(get_class($e), '\\'), 1), $e->getMessage()));
			return 1;
		}
		$output->writeln(sprintf('Sent "%s" to %s through %s in %d ms.', self::MESSAGE, $identifier, $channel->settingsName(), (int)round((microtime(true) - $started) * 1000)));
		return 0;
	}
}
