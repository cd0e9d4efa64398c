<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Command;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use Symfony\Component\Console\Helper\QuestionHelper;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\OutputInterface;
use Symfony\Component\Console\Question\ChoiceQuestion;

/** The `gateway` argument of the commands: given, or chosen interactively among the channels this build has. */
trait GatewayArgument {
	private function channelFrom(InputInterface $input, OutputInterface $output, GatewayConfig $config, QuestionHelper $helper): ?Channel {
		$name = $input->getArgument('gateway');
		if (is_string($name) && $name !== '') {
			return $this->namedChannel($name, $output);
		}
		$available = array_values(array_filter(Channel::cases(), fn (Channel $c) => $config->isAvailable($c)));
		if (!$input->isInteractive() || $available === []) {
			$output->writeln('<error>Name a gateway: ' . implode(', ', array_map(fn (Channel $c) => $c->value, $available ?: Channel::cases())) . '</error>');
			return null;
		}
		if (count($available) === 1) {
			return $available[0];
		}
		$answer = $helper->ask($input, $output, new ChoiceQuestion('Please choose a gateway:', array_map(fn (Channel $c) => $c->value, $available)));
		return Channel::from($answer);
	}

	/** The channel of a gateway name, or null after saying which names exist. */
	private function namedChannel(string $name, OutputInterface $output): ?Channel {
		$channel = Channel::tryFrom(strtolower($name));
		if ($channel === null) {
			$output->writeln("<error>Unknown gateway '$name'; one of: " . implode(', ', array_column(Channel::cases(), 'value')) . '</error>');
		}
		return $channel;
	}
}
