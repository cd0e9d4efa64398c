<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Settings;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCP\Authentication\TwoFactorAuth\ILoginSetupProvider;
use OCP\Template;
use OCP\Util;

/** The set-up step shown during login: enter the identifier, then the code sent to it. */
class LoginSetup implements ILoginSetupProvider {
	/**
	 * @param array<string, mixed> $vars what templates/login_setup.php shows
	 */
	public function __construct(
		private array $vars,
	) {
	}

	public function getBody(): Template {
		Util::addStyle(Application::APP_ID, 'login');
		$template = new Template(Application::APP_ID, 'login_setup');
		foreach ($this->vars as $key => $value) {
			$template->assign($key, $value);
		}
		return $template;
	}
}
