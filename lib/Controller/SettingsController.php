<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Controller;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCA\TwoFactorGateway\Service\GatewayConfig;
use OCA\TwoFactorGateway\Service\SetupService;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\UserRateLimit;
use OCP\AppFramework\Http\JSONResponse;
use OCP\AppFramework\OCSController;
use OCP\IRequest;
use OCP\IUserSession;
use TwoFactorGateway\Exception\GatewayException;

/**
 * The personal set-up routes, with the existing app's paths and plain JSON bodies.
 */
class SettingsController extends OCSController {
	public function __construct(
		IRequest $request,
		private IUserSession $userSession,
		private GatewayConfig $config,
		private SetupService $setup,
	) {
		parent::__construct(Application::APP_ID, $request);
	}

	#[NoAdminRequired]
	public function getVerificationState(string $gateway): JSONResponse {
		return $this->withGateway($gateway, fn ($user, Channel $channel) => new JSONResponse($this->setup->state($user, $channel)));
	}

	#[NoAdminRequired]
	#[UserRateLimit(limit: 10, period: 3600)]
	public function startVerification(string $gateway, string $identifier = ''): JSONResponse {
		return $this->withGateway($gateway, function ($user, Channel $channel) use ($identifier) {
			if (trim($identifier) === '') {
				return new JSONResponse(['message' => 'An identifier is required'], Http::STATUS_BAD_REQUEST);
			}
			try {
				return new JSONResponse(['phoneNumber' => $this->setup->start($user, $channel, $identifier)]);
			} catch (GatewayException $e) {
				return new JSONResponse(['message' => $e->getMessage()], Http::STATUS_BAD_REQUEST);
			}
		});
	}

	#[NoAdminRequired]
	#[UserRateLimit(limit: 10, period: 300)]
	public function finishVerification(string $gateway, string $verificationCode = ''): JSONResponse {
		return $this->withGateway($gateway, fn ($user, Channel $channel) => $this->setup->finish($user, $channel, $verificationCode)
			? new JSONResponse([])
			: new JSONResponse([], Http::STATUS_BAD_REQUEST));
	}

	#[NoAdminRequired]
	public function revokeVerification(string $gateway): JSONResponse {
		// Allowed when the admin has removed the gateway's configuration: users can still turn it off.
		return $this->withGateway($gateway, function ($user, Channel $channel) {
			$this->setup->disable($user, $channel);
			return new JSONResponse(['gatewayName' => $channel->value, 'state' => 0, 'phoneNumber' => null]);
		}, false);
	}

	/** Unknown gateway → 404, not configured → 503 `[]`, no user → 400. */
	private function withGateway(string $gateway, callable $action, bool $needsConfiguration = true): JSONResponse {
		$channel = Channel::tryFrom($gateway);
		if ($channel === null) {
			return new JSONResponse(['message' => 'Unknown gateway'], Http::STATUS_NOT_FOUND);
		}
		if ($needsConfiguration && !$this->config->isConfigured($channel)) {
			return new JSONResponse([], Http::STATUS_SERVICE_UNAVAILABLE);
		}
		$user = $this->userSession->getUser();
		if ($user === null) {
			return new JSONResponse(['message' => 'User not found'], Http::STATUS_BAD_REQUEST);
		}
		return $action($user, $channel);
	}
}
