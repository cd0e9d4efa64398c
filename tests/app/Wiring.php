<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Controller\LoginSetupController;
use OCA\TwoFactorGateway\Controller\SettingsController;
use OCA\TwoFactorGateway\Service\CodePolicy;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\GatewaySender;
use OCA\TwoFactorGateway\Service\LoginChallenge;
use OCA\TwoFactorGateway\Service\SetupService;
use OCA\TwoFactorGateway\Service\StateStore;

/**
 * The app's object graph over in-memory Nextcloud services, as Nextcloud's container would
 * build it. Used by the PHPUnit tests and by the settings page of the browser test.
 */
final class Wiring {
	public MemoryAppConfig $appConfig;
	public MemoryConfig $config;
	public ArraySession $session;
	public Clock $clock;
	public Request $request;
	public Registry $registry;
	public Logger $logger;
	public Accounts $accounts;
	public User $user;
	public Container $container;

	public function __construct(string $uid = 'alice') {
		$this->appConfig = new MemoryAppConfig();
		$this->config = new MemoryConfig();
		$this->session = new ArraySession();
		$this->clock = new Clock();
		$this->request = new Request();
		$this->registry = new Registry();
		$this->logger = new Logger();
		$this->accounts = new Accounts();
		$this->user = new User($uid);

		$l10n = new L10N();
		$factories = [
			GatewayConfig::class => fn () => new GatewayConfig($this->appConfig),
			GatewaySender::class => fn (Container $c) => new GatewaySender($c->get(GatewayConfig::class), $this->config),
			StateStore::class => fn () => new StateStore($this->config),
			CodePolicy::class => fn () => new CodePolicy($this->appConfig, $this->config),
			LoginChallenge::class => fn (Container $c) => new LoginChallenge($this->session, $c->get(GatewaySender::class),
				$c->get(StateStore::class), $c->get(CodePolicy::class), $this->clock, $l10n),
			SetupService::class => fn (Container $c) => new SetupService($c->get(GatewaySender::class), $c->get(StateStore::class),
				$c->get(CodePolicy::class), $this->clock, $l10n, $this->registry, $c),
			SettingsController::class => fn (Container $c) => new SettingsController($this->request, new UserSession($this->user),
				$c->get(GatewayConfig::class), $c->get(SetupService::class)),
			LoginSetupController::class => fn (Container $c) => new LoginSetupController($this->request, new UserSession($this->user),
				$c->get(GatewayConfig::class), $c->get(SetupService::class), $c->get(LoginChallenge::class), new Urls(), $l10n),
		];
		foreach (Channel::cases() as $channel) {
			$class = $channel->providerClass();
			$factories[$class] = fn (Container $c) => new $class($c->get(GatewayConfig::class), $c->get(LoginChallenge::class),
				$c->get(StateStore::class), $l10n, $this->request, new Urls(), $this->logger, $this->accounts);
		}
		$this->container = new Container($factories);
	}
}
