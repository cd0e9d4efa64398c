<?php

// Minimal stand-ins for the Nextcloud (OCP) and PSR interfaces the app uses, written for
// these tests: same names and signatures as in Nextcloud 32, no behaviour beyond what the
// tests need. Nextcloud itself is not a dependency of the test suite.

declare(strict_types=1);

namespace Psr\Log {
	interface LoggerInterface {
		public function emergency(string|\Stringable $message, array $context = []): void;
		public function alert(string|\Stringable $message, array $context = []): void;
		public function critical(string|\Stringable $message, array $context = []): void;
		public function error(string|\Stringable $message, array $context = []): void;
		public function warning(string|\Stringable $message, array $context = []): void;
		public function notice(string|\Stringable $message, array $context = []): void;
		public function info(string|\Stringable $message, array $context = []): void;
		public function debug(string|\Stringable $message, array $context = []): void;
		public function log($level, string|\Stringable $message, array $context = []): void;
	}
}

namespace Psr\Container {
	interface ContainerInterface {
		public function get(string $id);
		public function has(string $id): bool;
	}
}

namespace OCP {
	interface IUser {
		public function getUID();
		public function getDisplayName();
	}

	interface IUserSession {
		public function getUser();
	}

	interface IUserManager {
		public function get($uid);
	}

	interface IL10N {
		public function t(string $text, $parameters = []): string;
		public function n(string $text_singular, string $text_plural, int $count, array $parameters = []): string;
	}

	interface ISession {
		public function set(string $key, $value);
		public function get(string $key);
		public function remove(string $key);
	}

	interface IRequest {
		public function getParam(string $key, $default = null);
	}

	interface IURLGenerator {
		public function imagePath(string $appName, string $file): string;
		public function linkToRoute(string $routeName, array $arguments = []): string;
	}

	interface IAppConfig {
		public function getKeys(string $app): array;
		public function hasKey(string $app, string $key, ?bool $lazy = false): bool;
		public function getValueString(string $app, string $key, string $default = '', bool $lazy = false): string;
		public function setValueString(string $app, string $key, string $value, bool $lazy = false, bool $sensitive = false): bool;
		public function deleteKey(string $app, string $key): void;
		public function isSensitiveKey(string $app, string $key, ?bool $lazy = false): bool;
	}

	interface IConfig {
		public function getSystemValue($key, $default = '');
		public function getSystemValueString(string $key, string $default = ''): string;
		public function setUserValue($userId, $appName, $key, $value, $preCondition = null);
		public function getUserValue($userId, $appName, $key, $default = '');
		public function deleteUserValue($userId, $appName, $key);
	}

	/** Renders app templates with the template helpers, like Nextcloud's. */
	class Template {
		public static string $appRoot = '';
		public static ?IL10N $l10n = null;
		private array $vars = [];

		public function __construct(public string $app, public string $name, string $renderAs = '', bool $registerCall = true) {
		}

		public function assign(string $key, mixed $value): void {
			$this->vars[$key] = $value;
		}

		public function vars(): array {
			return $this->vars;
		}

		public function fetchPage(?array $additionalParams = null): string {
			$_ = array_merge($this->vars, $additionalParams ?? []);
			$l = self::$l10n;
			ob_start();
			include self::$appRoot . '/templates/' . $this->name . '.php';
			return (string)ob_get_clean();
		}
	}

	class Util {
		public static array $scripts = [];
		public static array $styles = [];

		public static function addScript(string $application, string $file, string $afterAppId = 'core', bool $prepend = false): void {
			self::$scripts[] = "$application/$file";
		}

		public static function addStyle(string $application, ?string $file = null, bool $prepend = false): void {
			self::$styles[] = "$application/$file";
		}
	}
}

namespace {
	// Nextcloud's template helpers.
	function p($string): void {
		print(htmlspecialchars((string)$string, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8'));
	}

	function print_unescaped($string): void {
		print((string)$string);
	}

	function style($app, $file): void {
		\OCP\Util::addStyle($app, $file);
	}

	function script($app, $file): void {
		\OCP\Util::addScript($app, $file);
	}

	function image_path($app, $image): string {
		return "/apps/$app/img/$image";
	}
}

namespace OCP\Authentication\TwoFactorAuth {
	use OCP\IUser;
	use OCP\Template;

	interface IProvider {
		public function getId(): string;
		public function getDisplayName(): string;
		public function getDescription(): string;
		public function getTemplate(IUser $user): Template;
		public function verifyChallenge(IUser $user, string $challenge): bool;
		public function isTwoFactorAuthEnabledForUser(IUser $user): bool;
	}

	interface IProvidesIcons extends IProvider {
		public function getLightIcon(): String;
		public function getDarkIcon(): String;
	}

	interface IPersonalProviderSettings {
		public function getBody(): Template;
	}

	interface IProvidesPersonalSettings extends IProvider {
		public function getPersonalSettings(IUser $user): IPersonalProviderSettings;
	}

	interface IDeactivatableByAdmin extends IProvider {
		public function disableFor(IUser $user);
	}

	interface ILoginSetupProvider {
		public function getBody(): \OCP\Template;
	}

	interface IActivatableAtLogin extends IProvider {
		public function getLoginSetup(IUser $user): ILoginSetupProvider;
	}

	abstract class ALoginSetupController extends \OCP\AppFramework\Controller {
	}

	interface IActivatableByAdmin extends IProvider {
		public function enableFor(IUser $user);
	}

	interface IRegistry {
		public function getProviderStates(IUser $user): array;
		public function enableProviderFor(IProvider $provider, IUser $user);
		public function disableProviderFor(IProvider $provider, IUser $user);
		public function cleanUp(string $providerId);
	}

	class TwoFactorException extends \Exception {
	}
}

namespace OCP\Accounts {
	use OCP\IUser;

	interface IAccountProperty {
		public function getValue(): string;
	}

	interface IAccount {
		public function getProperty(string $property): IAccountProperty;
	}

	interface IAccountManager {
		public const PROPERTY_PHONE = 'phone';

		public function getAccount(IUser $user): IAccount;
	}
}

namespace OCP\AppFramework\Utility {
	interface ITimeFactory {
		public function getTime(): int;
	}
}

namespace OCP\AppFramework\Bootstrap {
	interface IRegistrationContext {
		public function registerTwoFactorProvider(string $twoFactorProviderClass): void;
	}

	interface IBootContext {
	}

	interface IBootstrap {
		public function register(IRegistrationContext $context): void;
		public function boot(IBootContext $context): void;
	}
}

namespace OCP\AppFramework {
	use OCP\IRequest;

	class App {
		public function __construct(string $appName, array $urlParams = []) {
		}
	}

	abstract class Controller {
		public function __construct(protected $appName, protected IRequest $request) {
		}
	}

	abstract class OCSController extends Controller {
		public function __construct($appName, IRequest $request, $corsMethods = 'PUT, POST, GET, DELETE, PATCH', $corsAllowedHeaders = 'Authorization, Content-Type, Accept, OCS-APIRequest', $corsMaxAge = 1728000) {
			parent::__construct($appName, $request);
		}
	}

	class Http {
		public const STATUS_OK = 200;
		public const STATUS_BAD_REQUEST = 400;
		public const STATUS_NOT_FOUND = 404;
		public const STATUS_SERVICE_UNAVAILABLE = 503;
	}
}

namespace OCP\AppFramework\Http {
	class RedirectResponse {
		public function __construct(private string $redirectURL) {
		}

		public function getRedirectURL(): string {
			return $this->redirectURL;
		}
	}

	class JSONResponse {
		public function __construct(protected mixed $data = [], protected int $status = 200) {
		}

		public function getData(): mixed {
			return $this->data;
		}

		public function getStatus(): int {
			return $this->status;
		}

		public function render(): string {
			return json_encode($this->data, JSON_THROW_ON_ERROR);
		}
	}
}

namespace OCP\AppFramework\Http\Attribute {
	#[\Attribute(\Attribute::TARGET_METHOD)]
	class NoAdminRequired {
	}

	#[\Attribute(\Attribute::TARGET_METHOD)]
	class UseSession {
	}

	#[\Attribute(\Attribute::TARGET_METHOD)]
	class UserRateLimit {
		public function __construct(protected int $limit, protected int $period) {
		}

		public function getLimit(): int {
			return $this->limit;
		}

		public function getPeriod(): int {
			return $this->period;
		}
	}
}

namespace OCP\Migration {
	interface IOutput {
		public function info($message);
		public function warning($message);
	}

	interface IRepairStep {
		public function getName();
		public function run(IOutput $output);
	}
}
