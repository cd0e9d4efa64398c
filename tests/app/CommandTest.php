<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Command\Configure;
use OCA\TwoFactorGateway\Command\Remove;
use OCA\TwoFactorGateway\Command\SetIdentifier;
use OCA\TwoFactorGateway\Command\Status;
use OCA\TwoFactorGateway\Command\Test;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\GatewaySender;
use OCA\TwoFactorGateway\Service\SetupService;
use OCA\TwoFactorGateway\Service\StateStore;
use Symfony\Component\Console\Application as Console;
use Symfony\Component\Console\Output\OutputInterface;
use Symfony\Component\Console\Tester\CommandTester;

class CommandTest extends AppTestCase {
	private function tester(string $class): CommandTester {
		$config = $this->container->get(GatewayConfig::class);
		$command = match ($class) {
			Configure::class => new Configure($config),
			Status::class => new Status($config),
			Remove::class => new Remove($config),
			Test::class => new Test($config, $this->container->get(GatewaySender::class), $this->container->get(SetupService::class)),
			SetIdentifier::class => new SetIdentifier(new UserManager(['alice' => $this->user]), $this->container->get(SetupService::class),
				$this->container->get(StateStore::class), $this->registry, $this->container),
		};
		$console = new Console();
		$console->add($command);
		return new CommandTester($console->find($command->getName()));
	}

	private function keys(): array {
		$values = $this->appConfig->values['twofactor_gateway'] ?? [];
		ksort($values);
		return $values;
	}

	public function testConfigureSignalInteractivelyFromTheSchema(): void {
		$t = $this->tester(Configure::class);
		$url = getenv('TFG_MOCK_URL') . '/rest2/' . $this->tenant;
		$t->setInputs([$url, '+4915112345678']);
		$this->assertSame(0, $t->execute(['gateway' => 'signal']));
		$this->assertStringContainsString('Signal gateway URL [http://localhost:5000]:', $t->getDisplay());
		$this->assertStringContainsString('Sending Signal account (phone number) (optional)', $t->getDisplay());
		$this->assertStringNotContainsString('timeout', $t->getDisplay(), 'tuning fields are not prompted');
		$this->assertSame(['signal_account' => '+4915112345678', 'signal_url' => $url], $this->keys());
	}

	public function testConfigureNonInteractively(): void {
		$t = $this->tester(Configure::class);
		$this->assertSame(0, $t->execute(['gateway' => 'signal', '--set' => ['url=http://127.0.0.1:8080', 'timeout=10']], ['interactive' => false]));
		$this->assertSame(['signal_timeout' => '10', 'signal_url' => 'http://127.0.0.1:8080'], $this->keys());
	}

	public function testConfigureRefusesBadValuesAndSavesNothing(): void {
		$t = $this->tester(Configure::class);
		$this->assertSame(1, $t->execute(['gateway' => 'signal', '--set' => ['url=ftp://x', 'timeout=99']], ['interactive' => false]));
		$this->assertStringContainsString("Signal configuration is invalid: 'url' must be an http(s) URL; 'timeout' must be between 1 and 30", $t->getDisplay());
		$this->assertSame([], $this->keys());

		$this->assertSame(1, $t->execute(['gateway' => 'signal', '--set' => ['colour=blue']], ['interactive' => false]));
		$this->assertStringContainsString('Unknown setting(s) for Signal: colour', $t->getDisplay());
		$this->assertSame(1, $t->execute(['gateway' => 'pigeon'], ['interactive' => false]));
		$this->assertStringContainsString("Unknown gateway 'pigeon'", $t->getDisplay());
		$this->assertSame(1, $t->execute(['gateway' => 'telegram'], ['interactive' => false]));
		$this->assertStringContainsString('Telegram is not available in this build', $t->getDisplay());
	}

	public function testStatusMasksNothingSecretForSignalAndListsEveryChannel(): void {
		$this->configureSignal();
		$t = $this->tester(Status::class);
		$t->execute([], ['verbosity' => OutputInterface::VERBOSITY_VERBOSE]);
		$display = $t->getDisplay();
		$this->assertStringContainsString("Signal: configured\n{\n    \"url\": \"" . getenv('TFG_MOCK_URL'), $display);
		$this->assertStringContainsString('"account": "unneccessary"', $display);
		$this->assertStringContainsString("SMS: not configured\n", $display);
		foreach (['Telegram', 'WhatsApp', 'XMPP'] as $name) {
			$this->assertStringContainsString("$name: not available in this build", $display);
		}
	}

	public function testTestCommandSendsAndReportsFailures(): void {
		$t = $this->tester(Test::class);
		$this->assertSame(1, $t->execute(['gateway' => 'signal', 'identifier' => '+4917612345678']));
		$this->assertSame("Gateway signal is not configured\n", $t->getDisplay());

		$this->configureSignal();
		$this->assertSame(0, $t->execute(['gateway' => 'signal', 'identifier' => '+49 176 12345678']));
		$this->assertMatchesRegularExpression('/^Sent "Two Factor Gateway test message" to \+4917612345678 through Signal in \d+ ms\.$/', trim($t->getDisplay()));
		$this->assertSame([['message' => 'Two Factor Gateway test message', 'recipients' => ['+4917612345678']]], $this->messages());

		$this->configureSignal('rest2', 'status401');
		$this->assertSame(1, $t->execute(['gateway' => 'signal', 'identifier' => '+4917612345678']));
		$this->assertSame("Sending failed (UnauthorizedException): Signal: HTTP 401: mock failure 401\n", $t->getDisplay());
	}

	public function testRemoveDeletesTheKeys(): void {
		$this->configureSignal();
		$this->appConfig->setValueString('twofactor_gateway', 'code_ttl', '200');
		$t = $this->tester(Remove::class);
		$this->assertSame(0, $t->execute(['gateway' => 'signal']));
		$this->assertSame("Removed configuration for gateway Signal\n", $t->getDisplay());
		$this->assertSame(['code_ttl' => '200'], $this->keys());
	}

	public function testSetIdentifierAndEnable(): void {
		$this->config->system['default_phone_region'] = 'DE';
		$t = $this->tester(SetIdentifier::class);
		$this->assertSame(0, $t->execute(['uid' => 'alice', 'gateway' => 'signal', 'identifier' => '0176 12345678', '--enable' => true]));
		$this->assertSame("Signal identifier of alice set to +4917612345678; enabled as second factor.\n", $t->getDisplay());
		$this->assertSame(['gateway_signal' => true], $this->registry->getProviderStates($this->user));
		$this->assertSame('true', $this->config->getUserValue('alice', 'twofactor_gateway', 'signal_verified'));

		$this->assertSame(1, $t->execute(['uid' => 'bob', 'gateway' => 'signal', 'identifier' => '+4917612345678']));
		$this->assertSame(1, $t->execute(['uid' => 'alice', 'gateway' => 'signal', 'identifier' => '0176 12']));
		$this->assertSame("this is not a valid phone number for region DE\n", $t->getDisplay());
	}
}
