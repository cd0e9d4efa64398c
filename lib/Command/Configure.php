<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Command;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use Symfony\Component\Console\Command\Command;
use Symfony\Component\Console\Helper\QuestionHelper;
use Symfony\Component\Console\Input\InputArgument;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Input\InputOption;
use Symfony\Component\Console\Output\OutputInterface;
use Symfony\Component\Console\Question\ChoiceQuestion;
use Symfony\Component\Console\Question\Question;
use TwoFactorGateway\Exception\ConfigurationException;

/**
 * Prompts for a gateway's settings, built from the extension's field schema (secrets hidden,
 * choices offered, tuning fields only through --set), checks them with the extension and saves
 * them. `--set key=value` answers a prompt up front; with --no-interaction nothing is asked.
 */
class Configure extends Command {
	use GatewayArgument;

	public function __construct(
		private GatewayConfig $config,
	) {
		parent::__construct();
	}

	protected function configure(): void {
		$this->setName('twofactorauth:gateway:configure')
			->setDescription('Configure a two-factor gateway')
			->addArgument('gateway', InputArgument::OPTIONAL, 'signal, sms, telegram, whatsapp or xmpp')
			->addOption('set', 's', InputOption::VALUE_REQUIRED | InputOption::VALUE_IS_ARRAY, 'key=value, e.g. --set url=http://localhost:8080 (for SMS/Telegram also provider=<id>)');
	}

	protected function execute(InputInterface $input, OutputInterface $output): int {
		/** @var QuestionHelper $helper */
		$helper = $this->getHelper('question');
		$channel = $this->channelFrom($input, $output, $this->config, $helper);
		if ($channel === null) {
			return 1;
		}
		if (!$this->config->isAvailable($channel)) {
			$output->writeln("<error>{$channel->settingsName()} is not available in this build of the twofactor_gateway extension</error>");
			return 1;
		}
		$given = [];
		foreach ((array)$input->getOption('set') as $pair) {
			[$key, $value] = array_pad(explode('=', (string)$pair, 2), 2, null);
			if ($value === null || $key === '') {
				$output->writeln("<error>--set takes key=value, got '" . explode('=', (string)$pair)[0] . "'</error>");
				return 1;
			}
			$given[trim($key)] = $value;
		}

		$provider = null;
		if ($channel->selectorKey() !== null) {
			$provider = $this->chooseProvider($channel, $given, $input, $output, $helper);
			if ($provider === null) {
				return 1;
			}
			unset($given['provider']);
		}

		$values = [];
		foreach ($this->config->fields($channel, $provider) as $field) {
			$key = $field['key'];
			if (array_key_exists($key, $given)) {
				$values[$key] = $given[$key];
				unset($given[$key]);
			} elseif (!$field['advanced'] && $input->isInteractive()) {
				$values[$key] = (string)$helper->ask($input, $output, $this->question($field));
			}
		}
		if ($given !== []) {
			$output->writeln('<error>Unknown setting(s) for ' . $channel->settingsName() . ': ' . implode(', ', array_keys($given)) . '</error>');
			return 1;
		}

		// The extension checks everything at once; nothing is saved when it objects.
		$class = $channel->extensionClass();
		$check = array_filter($values, fn ($v) => $v !== '');
		try {
			new $class($provider === null ? $check : ['provider' => $provider] + $check);
		} catch (ConfigurationException $e) {
			$output->writeln('<error>' . $e->getMessage() . '</error>');
			return 1;
		}
		$this->config->save($channel, $values, $provider);
		$output->writeln("Saved the {$channel->settingsName()} configuration. Try it: occ twofactorauth:gateway:test {$channel->value} <identifier>");
		return 0;
	}

	private function chooseProvider(Channel $channel, array $given, InputInterface $input, OutputInterface $output, QuestionHelper $helper): ?string {
		$providers = $this->config->providers($channel);
		$ids = array_column($providers, 'id');
		if (isset($given['provider'])) {
			if (!in_array($given['provider'], $ids, true)) {
				$output->writeln("<error>Unknown {$channel->settingsName()} provider '{$given['provider']}'; one of: " . implode(', ', $ids) . '</error>');
				return null;
			}
			return $given['provider'];
		}
		if (!$input->isInteractive()) {
			$output->writeln('<error>Name the provider: --set provider=<id>, one of: ' . implode(', ', $ids) . '</error>');
			return null;
		}
		$names = array_column($providers, 'name', 'id');
		$question = new ChoiceQuestion("Please choose the provider for {$channel->settingsName()}:", $names, $this->config->selectedProvider($channel));
		return (string)$helper->ask($input, $output, $question);
	}

	/** A question for one schema field. */
	private function question(array $field): Question {
		$label = $field['prompt'] . ($field['optional'] ? ' (optional)' : '');
		if ($field['kind'] === 'choice') {
			$choices = array_column($field['choices'], 'label', 'value');
			return new ChoiceQuestion($label . ':', $choices, $field['default']);
		}
		if ($field['kind'] === 'boolean') {
			$question = new ChoiceQuestion($label . ':', ['1' => 'yes', '0' => 'no'], $field['default'] ?? '0');
			return $question;
		}
		$default = $field['secret'] ? null : $field['default'];
		$question = new Question($label . ($default !== null ? " [$default]" : '') . ': ', $default ?? '');
		if ($field['secret']) {
			$question->setHidden(true)->setHiddenFallback(false);
		}
		if ($field['kind'] === 'integer') {
			$question->setValidator(function ($value) use ($field) {
				if ($value === '' && $field['optional']) {
					return '';
				}
				if (!preg_match('/^-?\d+$/', (string)$value) || $value < $field['min'] || $value > $field['max']) {
					throw new \InvalidArgumentException("Enter a whole number from {$field['min']} to {$field['max']}");
				}
				return (string)$value;
			});
		}
		return $question;
	}
}
