<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Command\Configure;
use OCA\TwoFactorGateway\Command\Status;
use OCA\TwoFactorGateway\Command\Test;
use OCA\TwoFactorGateway\Provider\SmsProvider;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\GatewaySender;
use OCA\TwoFactorGateway\Service\SetupService;
use Symfony\Component\Console\Application as Console;
use Symfony\Component\Console\Helper\QuestionHelper;
use Symfony\Component\Console\Output\OutputInterface;
use Symfony\Component\Console\Tester\CommandTester;

/**
 * SMS end to end in the app: configured with occ (provider choice, prompts from the schema,
 * secrets hidden and stored sensitive), used at login (gateway_sms) through the seven mock
 * (tests/fixtures/sms/sms77io.php), and no secret in any output.
 */
class SmsTest extends AppTestCase {
	private const KEY = 'sekret-seven-key';

	protected function setUp(): void {
		parent::setUp();
		// Questions read from the tester's input stream; no terminal to switch echo off.
		QuestionHelper::disableStty();
		$this->sent();
	}

	private function tester(string $class): CommandTester {
		$config = $this->container->get(GatewayConfig::class);
		$command = match ($class) {
			Configure::class => new Configure($config),
			Status::class => new Status($config),
			Test::class => new Test($config, $this->container->get(GatewaySender::class), $this->container->get(SetupService::class)),
		};
		$console = new Console();
		$console->add($command);
		return new CommandTester($console->find($command->getName()));
	}

	private function mockBase(): string {
		return getenv('TFG_MOCK_URL') . '/sms/sms77io';
	}

	/** The form bodies the seven mock received since the last call. */
	private function sent(): array {
		$file = getenv('TFG_MOCK_DIR') . '/sms-sms77io.jsonl';
		$lines = is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [];
		@unlink($file);
		return array_map(function ($line) {
			parse_str(json_decode($line, true)['body'], $form);
			return $form;
		}, $lines);
	}

	/** SMS as the existing app stores it: the selector and the driver's flat keys. */
	private function configureSeven(string $key = self::KEY): void {
		$this->appConfig->setValueString('twofactor_gateway', 'sms_provider_name', 'sms77io');
		$this->appConfig->setValueString('twofactor_gateway', 'sms77io_api_key', $key);
		$this->appConfig->setValueString('twofactor_gateway', 'sms77io_api_url', $this->mockBase());
	}

	private function enrolSms(string $number = '+4917612345678'): void {
		$this->config->setUserValue('alice', 'twofactor_gateway', 'sms_identifier', $number);
		$this->config->setUserValue('alice', 'twofactor_gateway', 'sms_verified', 'true');
	}

	public function testConfigureChoosesTheProviderAndPromptsItsFieldsWithTheSecretHidden(): void {
		$t = $this->tester(Configure::class);
		$t->setInputs(['sms77io', self::KEY]);
		$this->assertSame(0, $t->execute(['gateway' => 'sms']));
		$display = $t->getDisplay();
		$this->assertStringContainsString('Please choose the provider for SMS:', $display);
		$this->assertStringContainsString('[sms77io           ] seven (formerly sms77.io)', $display);
		$this->assertStringContainsString('[custom            ] Custom HTTP API', $display);
		$this->assertStringContainsString('seven API key:', $display);
		$this->assertStringNotContainsString('API base URL', $display, 'api_url is not prompted');
		$this->assertStringNotContainsString(self::KEY, $display);
		$stored = $this->appConfig->values['twofactor_gateway'];
		ksort($stored);
		$this->assertSame(['sms77io_api_key' => self::KEY, 'sms_provider_name' => 'sms77io'], $stored);
		$this->assertTrue($this->appConfig->isSensitiveKey('twofactor_gateway', 'sms77io_api_key'));
		$this->assertFalse($this->appConfig->isSensitiveKey('twofactor_gateway', 'sms_provider_name'));
	}

	public function testConfigureNonInteractivelyAndRefusals(): void {
		$t = $this->tester(Configure::class);
		$this->assertSame(0, $t->execute(['gateway' => 'sms', '--set' => ['provider=clickatell_portal', 'apikey=' . self::KEY]], ['interactive' => false]));
		$this->assertSame('clickatell_portal', $this->appConfig->values['twofactor_gateway']['sms_provider_name']);
		$this->assertTrue($this->appConfig->isSensitiveKey('twofactor_gateway', 'clickatell_portal_apikey'));

		$this->assertSame(1, $t->execute(['gateway' => 'sms', '--set' => ['api_key=' . self::KEY]], ['interactive' => false]));
		$this->assertStringContainsString('Name the provider: --set provider=<id>, one of: playsms, smsglobal,', $t->getDisplay());
		$this->assertSame(1, $t->execute(['gateway' => 'sms', '--set' => ['provider=carrier-pigeon']], ['interactive' => false]));
		$this->assertStringContainsString("Unknown SMS provider 'carrier-pigeon'", $t->getDisplay());
		$this->assertSame(1, $t->execute(['gateway' => 'sms', '--set' => ['provider=ovh', 'endpoint=ovh-mars', 'application_secret=' . self::KEY]], ['interactive' => false]));
		$this->assertStringContainsString("OVH configuration is invalid: 'endpoint' must be one of: ovh-eu", $t->getDisplay());
		$this->assertStringNotContainsString(self::KEY, $t->getDisplay());
		$this->assertSame('clickatell_portal', $this->appConfig->values['twofactor_gateway']['sms_provider_name'], 'nothing saved on refusal');
	}

	public function testStatusMasksTheSecrets(): void {
		$this->configureSeven();
		$t = $this->tester(Status::class);
		$t->execute([], ['verbosity' => OutputInterface::VERBOSITY_VERBOSE]);
		$display = $t->getDisplay();
		$this->assertStringContainsString("SMS: configured\n{\n    \"provider\": \"sms77io\",\n    \"api_key\": \"********\",\n    \"api_url\": \"" . $this->mockBase() . "\"\n}", $display);
		$this->assertStringNotContainsString(self::KEY, $display);
	}

	public function testTestCommandSendsThroughTheProviderAndReportsItsError(): void {
		$this->configureSeven();
		$t = $this->tester(Test::class);
		$this->assertSame(0, $t->execute(['gateway' => 'sms', 'identifier' => '+49 176 12345678']));
		$this->assertMatchesRegularExpression('/^Sent "Two Factor Gateway test message" to \+4917612345678 through SMS in \d+ ms\.$/', trim($t->getDisplay()));
		$this->assertSame([['to' => '4917612345678', 'text' => 'Two Factor Gateway test message', 'sendWith' => 'nextcloud']], $this->sent());

		$this->configureSeven('sekret-wrong-key');
		$this->assertSame(1, $t->execute(['gateway' => 'sms', 'identifier' => '+4917612345678']));
		$this->assertSame("Sending failed (UnauthorizedException): seven (formerly sms77.io): return code 900 (authentication failed: check the API key)\n", $t->getDisplay());
		$this->assertStringNotContainsString('sekret', $t->getDisplay());
	}

	public function testLoginThroughSmsWithTheExistingAppsKeysAndPreferences(): void {
		$this->configureSeven();
		$this->enrolSms();
		$p = $this->container->get(SmsProvider::class);
		$this->assertTrue($p->isTwoFactorAuthEnabledForUser($this->user));
		$page = $p->getTemplate($this->user);
		$this->assertSame('challenge', $page->name);
		$sent = $this->sent();
		$this->assertCount(1, $sent);
		$this->assertSame('4917612345678', $sent[0]['to']);
		$this->assertMatchesRegularExpression('/^(\d{6}) is your Nextcloud authentication code$/', $sent[0]['text']);
		$code = substr($sent[0]['text'], 0, 6);
		$html = $page->fetchPage();
		$this->assertStringContainsString('***********678', $html);
		$this->assertStringNotContainsString($code, $html);

		$p->getTemplate($this->user);
		$this->assertSame([], $this->sent(), 'a reload sends nothing');
		$this->assertFalse($p->verifyChallenge($this->user, $code === '000000' ? '111111' : '000000'));
		$this->assertTrue($p->verifyChallenge($this->user, $code));
	}

	public function testAFailedSendShowsTheErrorPageAndLogsNoSecret(): void {
		$this->configureSeven('sekret-wrong-key');
		$this->enrolSms();
		$page = $this->container->get(SmsProvider::class)->getTemplate($this->user);
		$this->assertSame('error', $page->name);
		$this->assertSame(['warning: Could not send the login code through sms: seven (formerly sms77.io): return code 900 (authentication failed: check the API key)'], $this->logger->lines);
		$everything = implode("\n", $this->logger->lines) . $page->fetchPage() . json_encode($this->session->data);
		$this->assertStringNotContainsString('sekret', $everything);
	}

	public function testEverySmsProviderCanBeConfiguredFromItsSchema(): void {
		$config = $this->container->get(GatewayConfig::class);
		$providers = $config->providers(Channel::Sms);
		$this->assertCount(20, $providers);
		foreach ($providers as $provider) {
			$this->assertNotSame([], $config->fields(Channel::Sms, $provider['id']), $provider['id']);
		}
	}

	public function testANationalNumberStoredByTheExistingAppStillGetsItsCode(): void {
		$this->config->system['default_phone_region'] = 'DE';
		$this->configureSeven();
		$this->enrolSms('0176 12345678');
		$this->assertSame('challenge', $this->container->get(SmsProvider::class)->getTemplate($this->user)->name);
		$this->assertSame('4917612345678', $this->sent()[0]['to']);
	}

	public function testARequiredFieldWithADefaultIsStoredWhenNotGiven(): void {
		$t = $this->tester(Configure::class);
		$this->assertSame(0, $t->execute(['gateway' => 'sms', '--set' => ['provider=smsglobal', 'user=nc', 'password=' . self::KEY]], ['interactive' => false]));
		$this->assertSame('https://api.smsglobal.com/http-api.php', $this->appConfig->values['twofactor_gateway']['smsglobal_url']);
		$this->assertTrue($this->container->get(GatewayConfig::class)->isConfigured(Channel::Sms));
	}
}
