<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Command;

use OCA\TwoFactorGateway\Service\SetupService;
use OCA\TwoFactorGateway\Service\StateStore;
use OCP\Authentication\TwoFactorAuth\IRegistry;
use OCP\IUserManager;
use Psr\Container\ContainerInterface;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Input\InputArgument;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;
use TwoFactorGateway\Exception\GatewayException;

/** Sets a user's identifier for a gateway (normalised), and with --enable turns the provider on. */
class SetIdentifier extends Command {
	use GatewayArgument;

	public function __construct(
		private IUserManager $users,
		private SetupService $setup,
		private StateStore $store,
		private IRegistry $registry,
		private ContainerInterface $container,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('twofactorauth:gateway:set-identifier')
			->setDescription("Set a user's identifier (phone number, chat id, JID) for a two-factor gateway")
			->addArgument('uid', InputArgument::REQUIRED, 'user id')
			->addArgument('gateway', InputArgument::REQUIRED, 'signal, sms, telegram, whatsapp or xmpp')
			->addArgument('identifier', InputArgument::REQUIRED, 'the identifier')
			->addOption('enable', null, InputOption::VALUE_NONE, 'also enable the gateway as second factor for the user');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		$uid = (string)$input->getArgument('uid');
		$user = $this->users->get($uid);
		if ($user === null) {
			$output->writeln("<error>No user '$uid'</error>");
			return 1;
		}
		$channel = $this->namedChannel((string)$input->getArgument('gateway'), $output);
		if ($channel === null) {
			return 1;
		}
		try {
			$identifier = $this->setup->normalize($channel, (string)$input->getArgument('identifier'));
		} catch (GatewayException $e) {
			$output->writeln('<error>' . $e->getMessage() . '</error>');
			return 1;
		}
		$enable = (bool)$input->getOption('enable');
		$this->store->assign($user, $channel, $identifier, $enable || $this->store->isEnabled($user, $channel));
		if ($enable) {
			$this->registry->enableProviderFor($this->container->get($channel->providerClass()), $user);
		}
		$output->writeln(sprintf('%s identifier of %s set to %s%s.', $channel->settingsName(), $uid, $identifier, $enable ? '; enabled as second factor' : ''));
		return 0;
	}
}
