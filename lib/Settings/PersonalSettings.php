<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Settings;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCP\Authentication\TwoFactorAuth\IPersonalProviderSettings;
use OCP\Template;
use OCP\Util;

/** The provider's section under Personal → Security. */
class PersonalSettings implements IPersonalProviderSettings {
	public function __construct(
		private Channel $channel,
		private bool $configured,
		private string $prefill,
		private string $instructions,
	) {
	}

	public function getBody(): Template {
		Util::addScript(Application::APP_ID, 'settings');
		Util::addStyle(Application::APP_ID, 'settings');
		$template = new Template(Application::APP_ID, 'personal_settings');
		$template->assign('gateway', $this->channel->value);
		$template->assign('name', $this->channel->settingsName());
		$template->assign('configured', $this->configured);
		$template->assign('phone', $this->channel->isPhone());
		$template->assign('prefill', $this->prefill);
		$template->assign('instructions', $this->instructions);
		return $template;
	}
}
