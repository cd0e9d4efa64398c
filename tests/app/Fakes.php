<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Tests;

use OCP\Accounts\IAccount;
use OCP\Accounts\IAccountManager;
use OCP\Accounts\IAccountProperty;
use OCP\AppFramework\Bootstrap\IRegistrationContext;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Authentication\TwoFactorAuth\IProvider;
use OCP\Authentication\TwoFactorAuth\IRegistry;
use OCP\IAppConfig;
use OCP\IConfig;
use OCP\IL10N;
use OCP\IRequest;
use OCP\ISession;
use OCP\IURLGenerator;
use OCP\IUser;
use OCP\IUserManager;
use OCP\IUserSession;
use Psr\Container\ContainerInterface;
use Psr\Log\LoggerInterface;

// In-memory implementations of the Nextcloud services, for the tests.

final class MemoryAppConfig implements IAppConfig {
	/** @var array<string, array<string, string>> */
	public array $values = [];
	/** @var array<string, bool> "app/key" => true */
	public array $sensitive = [];

	public function getKeys(string $app): array {
		return array_keys($this->values[$app] ?? []);
	}

	public function hasKey(string $app, string $key, ?bool $lazy = false): bool {
		return isset($this->values[$app][$key]);
	}

	public function getValueString(string $app, string $key, string $default = '', bool $lazy = false): string {
		return $this->values[$app][$key] ?? $default;
	}

	public function setValueString(string $app, string $key, string $value, bool $lazy = false, bool $sensitive = false): bool {
		$this->values[$app][$key] = $value;
		if ($sensitive) {
			$this->sensitive["$app/$key"] = true;
		}
		return true;
	}

	public function deleteKey(string $app, string $key): void {
		unset($this->values[$app][$key], $this->sensitive["$app/$key"]);
	}

	public function isSensitiveKey(string $app, string $key, ?bool $lazy = false): bool {
		return isset($this->sensitive["$app/$key"]);
	}
}

final class MemoryConfig implements IConfig {
	public array $system = ['secret' => 'test-instance-secret-0123456789abcdef', 'instanceid' => 'oc1234567890'];
	/** @var array<string, array<string, array<string, string>>> user => app => key => value */
	public array $users = [];

	public function getSystemValue($key, $default = '') {
		return $this->system[$key] ?? $default;
	}

	public function getSystemValueString(string $key, string $default = ''): string {
		return (string)($this->system[$key] ?? $default);
	}

	public function setUserValue($userId, $appName, $key, $value, $preCondition = null) {
		$this->users[$userId][$appName][$key] = (string)$value;
	}

	public function getUserValue($userId, $appName, $key, $default = '') {
		return $this->users[$userId][$appName][$key] ?? $default;
	}

	public function deleteUserValue($userId, $appName, $key) {
		unset($this->users[$userId][$appName][$key]);
	}
}

final class ArraySession implements ISession {
	public array $data = [];

	public function set(string $key, $value) {
		$this->data[$key] = $value;
	}

	public function get(string $key) {
		return $this->data[$key] ?? null;
	}

	public function remove(string $key) {
		unset($this->data[$key]);
	}
}

final class Clock implements ITimeFactory {
	public function __construct(public int $now = 1800000000) {
	}

	public function getTime(): int {
		return $this->now;
	}
}

/** Translates nothing, substitutes like Nextcloud's IL10N (vsprintf, %n). */
final class L10N implements IL10N {
	public function t(string $text, $parameters = []): string {
		return vsprintf($text, (array)$parameters);
	}

	public function n(string $text_singular, string $text_plural, int $count, array $parameters = []): string {
		return vsprintf(str_replace('%n', (string)$count, $count === 1 ? $text_singular : $text_plural), $parameters);
	}
}

final class Request implements IRequest {
	public function __construct(public array $params = []) {
	}

	public function getParam(string $key, $default = null) {
		return $this->params[$key] ?? $default;
	}
}

final class Urls implements IURLGenerator {
	public function imagePath(string $appName, string $file): string {
		return "/apps/$appName/img/$file";
	}

	public function linkToRoute(string $routeName, array $arguments = []): string {
		return "route:$routeName" . ($arguments === [] ? '' : '?' . http_build_query($arguments));
	}
}

final class User implements IUser {
	public function __construct(private string $uid) {
	}

	public function getUID() {
		return $this->uid;
	}

	public function getDisplayName() {
		return ucfirst($this->uid);
	}
}

final class UserSession implements IUserSession {
	public function __construct(public ?IUser $user) {
	}

	public function getUser() {
		return $this->user;
	}
}

final class UserManager implements IUserManager {
	/** @param array<string, IUser> $users */
	public function __construct(public array $users = []) {
	}

	public function get($uid) {
		return $this->users[$uid] ?? null;
	}
}

final class Registry implements IRegistry {
	/** @var array<string, array<string, bool>> uid => provider id => enabled */
	public array $states = [];

	public function getProviderStates(IUser $user): array {
		return $this->states[$user->getUID()] ?? [];
	}

	public function enableProviderFor(IProvider $provider, IUser $user) {
		$this->states[$user->getUID()][$provider->getId()] = true;
	}

	public function disableProviderFor(IProvider $provider, IUser $user) {
		$this->states[$user->getUID()][$provider->getId()] = false;
	}

	public function cleanUp(string $providerId) {
	}
}

final class Registration implements IRegistrationContext {
	public array $providers = [];

	public function registerTwoFactorProvider(string $twoFactorProviderClass): void {
		$this->providers[] = $twoFactorProviderClass;
	}
}

/** Records log lines, with the context interpolated as Nextcloud's logger does. */
final class Logger implements LoggerInterface {
	public array $lines = [];

	public function emergency(string|\Stringable $message, array $context = []): void {
		$this->log('emergency', $message, $context);
	}

	public function alert(string|\Stringable $message, array $context = []): void {
		$this->log('alert', $message, $context);
	}

	public function critical(string|\Stringable $message, array $context = []): void {
		$this->log('critical', $message, $context);
	}

	public function error(string|\Stringable $message, array $context = []): void {
		$this->log('error', $message, $context);
	}

	public function warning(string|\Stringable $message, array $context = []): void {
		$this->log('warning', $message, $context);
	}

	public function notice(string|\Stringable $message, array $context = []): void {
		$this->log('notice', $message, $context);
	}

	public function info(string|\Stringable $message, array $context = []): void {
		$this->log('info', $message, $context);
	}

	public function debug(string|\Stringable $message, array $context = []): void {
		$this->log('debug', $message, $context);
	}

	public function log($level, string|\Stringable $message, array $context = []): void {
		$this->lines[] = "$level: " . preg_replace_callback('/\{(\w+)\}/', fn ($m) => (string)($context[$m[1]] ?? $m[0]), (string)$message);
	}
}

/** A container of ready-made objects, resolving classes it does not hold with their factories. */
final class Container implements ContainerInterface {
	/** @param array<string, callable(self): object> $factories */
	public function __construct(private array $factories = [], private array $made = []) {
	}

	public function get(string $id) {
		return $this->made[$id] ??= ($this->factories[$id] ?? throw new \RuntimeException("no factory for $id"))($this);
	}

	public function has(string $id): bool {
		return isset($this->made[$id]) || isset($this->factories[$id]);
	}
}

/** Profiles: uid => phone number. */
final class Accounts implements IAccountManager {
	public array $phones = [];

	public function getAccount(IUser $user): IAccount {
		$phone = $this->phones[$user->getUID()] ?? '';
		return new class($phone) implements IAccount {
			public function __construct(private string $phone) {
			}

			public function getProperty(string $property): IAccountProperty {
				return new class($property === IAccountManager::PROPERTY_PHONE ? $this->phone : '') implements IAccountProperty {
					public function __construct(private string $value) {
					}

					public function getValue(): string {
						return $this->value;
					}
				};
			}
		};
	}
}
