<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway\Service;

use OCA\TwoFactorGateway\AppInfo\Application;
use OCA\TwoFactorGateway\Channel;
use OCP\IAppConfig;

/**
 * Gateway configuration in app config, in the existing app's layout.
 *
 * Flat keys `<settingsId>_<field>` (settingsId = channel id, or for SMS/Telegram the provider
 * selected by `sms_provider_name` / `telegram_provider_name`). When those are incomplete, the
 * existing app's newer instance keys are read: `instances:<gateway>` (JSON list) and
 * `<gateway>:<instanceId>:<field>` of the default instance. Field lists come from the
 * extension's schema; nothing here knows a field by name.
 */
class GatewayConfig {
	public function __construct(
		private IAppConfig $appConfig,
	) {
	}

	/** The channel's extension class is loaded (this build can send through it). */
	public function isAvailable(Channel $channel): bool {
		return class_exists($channel->extensionClass());
	}

	/**
	 * Providers of a channel with several (SMS, Telegram): list of ['id', 'name', 'fields'].
	 *
	 * @return list<array{id: string, name: string, fields: list<array<string, mixed>>}>
	 */
	public function providers(Channel $channel): array {
		$class = $channel->extensionClass();
		if ($channel->selectorKey() === null || !class_exists($class) || !method_exists($class, 'providers')) {
			return [];
		}
		return $class::providers();
	}

	/**
	 * The schema fields of the channel (or of one of its providers).
	 *
	 * @return list<array<string, mixed>>
	 */
	public function fields(Channel $channel, ?string $provider = null): array {
		if ($channel->selectorKey() === null) {
			$class = $channel->extensionClass();
			return class_exists($class) ? $class::fields() : [];
		}
		$provider ??= $this->selectedProvider($channel);
		foreach ($this->providers($channel) as $candidate) {
			if ($candidate['id'] === $provider) {
				return $candidate['fields'];
			}
		}
		return [];
	}

	/** The selected provider of a channel with several; null when none is selected. */
	public function selectedProvider(Channel $channel): ?string {
		$key = $channel->selectorKey();
		if ($key === null) {
			return null;
		}
		$value = $this->appConfig->getValueString(Application::APP_ID, $key);
		return $value === '' ? null : $value;
	}

	/** The prefix of the channel's flat keys. */
	public function settingsId(Channel $channel): ?string {
		return $channel->selectorKey() === null ? $channel->value : $this->selectedProvider($channel);
	}

	/**
	 * The configuration array for the extension class, or null when the channel is not
	 * available or not completely configured.
	 *
	 * @return array<string, string>|null
	 */
	public function load(Channel $channel): ?array {
		if (!$this->isAvailable($channel)) {
			return null;
		}
		$values = $this->flatValues($channel);
		if ($values === null) {
			$values = $this->instanceValues($channel);
		}
		return $values;
	}

	public function isConfigured(Channel $channel): bool {
		return $this->load($channel) !== null;
	}

	/**
	 * Stores values under the flat keys (secret fields flagged sensitive). Empty values of
	 * optional fields delete their key; required fields left empty get their default. For
	 * SMS/Telegram the provider is selected too.
	 *
	 * @param array<string, string> $values field key => value
	 */
	public function save(Channel $channel, array $values, ?string $provider = null): void {
		if ($channel->selectorKey() !== null) {
			if ($provider === null) {
				throw new \InvalidArgumentException('a provider must be chosen for ' . $channel->settingsName());
			}
			$this->appConfig->setValueString(Application::APP_ID, $channel->selectorKey(), $provider);
		}
		$prefix = $this->settingsId($channel);
		foreach ($this->fields($channel, $provider) as $field) {
			$key = "{$prefix}_{$field['key']}";
			$value = $values[$field['key']] ?? null;
			if (($value === null || $value === '') && !$field['optional'] && $field['default'] !== null) {
				// Stored, as the existing app does, so that the configuration counts as complete.
				$value = $field['default'];
			}
			if ($value === null || $value === '') {
				if (array_key_exists($field['key'], $values)) {
					$this->appConfig->deleteKey(Application::APP_ID, $key);
				}
				continue;
			}
			$this->appConfig->setValueString(Application::APP_ID, $key, (string)$value, false, (bool)$field['secret']);
		}
	}

	/** Deletes every flat key of the channel (for SMS/Telegram: of all providers). */
	public function remove(Channel $channel): void {
		foreach ($this->schemas($channel) as $prefix => $fields) {
			foreach ($fields as $field) {
				$this->appConfig->deleteKey(Application::APP_ID, "{$prefix}_{$field['key']}");
			}
		}
	}

	/**
	 * Re-stores the secret fields of every channel with the sensitive flag (values stored by the
	 * existing app are plain). Returns how many were flagged.
	 */
	public function markSecretsSensitive(): int {
		$flagged = 0;
		foreach (Channel::cases() as $channel) {
			foreach ($this->schemas($channel) as $prefix => $fields) {
				foreach ($fields as $field) {
					$key = "{$prefix}_{$field['key']}";
					if ($field['secret'] && $this->appConfig->hasKey(Application::APP_ID, $key)
						&& !$this->appConfig->isSensitiveKey(Application::APP_ID, $key)) {
						$value = $this->appConfig->getValueString(Application::APP_ID, $key);
						$this->appConfig->setValueString(Application::APP_ID, $key, $value, false, true);
						$flagged++;
					}
				}
			}
		}
		return $flagged;
	}

	/**
	 * The stored values with every secret masked, for status output.
	 *
	 * @return array<string, string>
	 */
	public function describe(Channel $channel): array {
		$values = $this->load($channel) ?? [];
		$shown = [];
		foreach ($this->fields($channel, $values['provider'] ?? null) as $field) {
			if (array_key_exists($field['key'], $values)) {
				$shown[$field['key']] = $field['secret'] ? '********' : $values[$field['key']];
			}
		}
		if (isset($values['provider'])) {
			$shown = ['provider' => $values['provider']] + $shown;
		}
		return $shown;
	}

	/**
	 * Every key prefix of a channel with its fields: the channel itself, or each provider.
	 *
	 * @return array<string, list<array<string, mixed>>>
	 */
	private function schemas(Channel $channel): array {
		if ($channel->selectorKey() === null) {
			return [$channel->value => $this->fields($channel)];
		}
		$schemas = [];
		foreach ($this->providers($channel) as $provider) {
			$schemas[$provider['id']] = $provider['fields'];
		}
		return $schemas;
	}

	/** @return array<string, string>|null */
	private function flatValues(Channel $channel): ?array {
		$prefix = $this->settingsId($channel);
		if ($prefix === null) {
			return null;
		}
		$values = $this->collect($this->fields($channel), fn (string $key) => "{$prefix}_{$key}");
		if ($values !== null && $channel->selectorKey() !== null) {
			$values = ['provider' => $prefix] + $values;
		}
		return $values;
	}

	/** The default instance of the existing app's multi-instance layout (v3.2+). */
	private function instanceValues(Channel $channel): ?array {
		$gateway = $channel->value;
		$instances = json_decode($this->appConfig->getValueString(Application::APP_ID, "instances:$gateway"), true);
		if (!is_array($instances) || $instances === []) {
			return null;
		}
		$chosen = null;
		foreach ($instances as $instance) {
			if (is_array($instance) && isset($instance['id']) && ($chosen === null || ($instance['default'] ?? false) === true)) {
				$chosen = $instance;
			}
		}
		if ($chosen === null || !preg_match('/^[a-f0-9]{16}$/', (string)$chosen['id'])) {
			return null;
		}
		$id = $chosen['id'];
		$provider = null;
		if ($channel->selectorKey() !== null) {
			$provider = $this->appConfig->getValueString(Application::APP_ID, "$gateway:$id:provider");
			if ($provider === '') {
				return null;
			}
		}
		$values = $this->collect($this->fields($channel, $provider), fn (string $key) => "$gateway:$id:$key");
		if ($values !== null && $provider !== null) {
			$values = ['provider' => $provider] + $values;
		}
		return $values;
	}

	/**
	 * @param list<array<string, mixed>> $fields
	 * @param callable(string): string $keyOf
	 * @return array<string, string>|null null when a required field has no value
	 */
	private function collect(array $fields, callable $keyOf): ?array {
		if ($fields === []) {
			return null;
		}
		$values = [];
		foreach ($fields as $field) {
			$value = $this->appConfig->getValueString(Application::APP_ID, $keyOf($field['key']));
			if ($value !== '') {
				$values[$field['key']] = $value;
			} elseif (!$field['optional']) {
				return null;
			}
		}
		return $values;
	}
}
