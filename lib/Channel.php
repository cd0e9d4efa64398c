<?php

declare(strict_types=1);

namespace OCA\TwoFactorGateway;

use OCP\IL10N;

/**
 * The channels: one 2FA provider each, with the existing app's ids, names and keys.
 */
enum Channel: string {
	case Signal = 'signal';
	case Sms = 'sms';
	case Telegram = 'telegram';
	case WhatsApp = 'whatsapp';
	case Xmpp = 'xmpp';

	/** The 2FA provider id (`gateway_signal`, …): what users' enabled states are stored under. */
	public function providerId(): string {
		return 'gateway_' . $this->value;
	}

	/** The class of the `twofactor_gateway` extension that sends through this channel. */
	public function extensionClass(): string {
		return match ($this) {
			self::Signal => 'TwoFactorGateway\Signal',
			self::Sms => 'TwoFactorGateway\Sms',
			self::Telegram => 'TwoFactorGateway\Telegram',
			self::WhatsApp => 'TwoFactorGateway\WhatsApp',
			self::Xmpp => 'TwoFactorGateway\Xmpp',
		};
	}

	/** The 2FA provider class of this channel. */
	public function providerClass(): string {
		return match ($this) {
			self::Signal => Provider\SignalProvider::class,
			self::Sms => Provider\SmsProvider::class,
			self::Telegram => Provider\TelegramProvider::class,
			self::WhatsApp => Provider\WhatsAppProvider::class,
			self::Xmpp => Provider\XmppProvider::class,
		};
	}

	/** App-config key that selects the provider of a channel with several (`sms_provider_name`). */
	public function selectorKey(): ?string {
		return match ($this) {
			self::Sms => 'sms_provider_name',
			self::Telegram => 'telegram_provider_name',
			default => null,
		};
	}

	/** Identifiers are phone numbers: normalised to E.164 and prefilled from the profile. */
	public function isPhone(): bool {
		return $this === self::Sms || $this === self::WhatsApp || $this === self::Signal;
	}

	/** Name in personal settings and occ output. */
	public function settingsName(): string {
		return match ($this) {
			self::Signal => 'Signal',
			self::Sms => 'SMS',
			self::Telegram => 'Telegram',
			self::WhatsApp => 'WhatsApp',
			self::Xmpp => 'XMPP',
		};
	}

	public function displayName(IL10N $l): string {
		return match ($this) {
			self::Signal => $l->t('Signal verification'),
			self::Sms => $l->t('Message gateway verification'),
			self::Telegram => $l->t('Telegram verification'),
			self::WhatsApp => $l->t('WhatsApp verification'),
			self::Xmpp => $l->t('XMPP verification'),
		};
	}

	public function description(IL10N $l): string {
		return match ($this) {
			self::Signal => $l->t('Authenticate via Signal'),
			self::Sms => $l->t('Authenticate via SMS'),
			self::Telegram => $l->t('Authenticate via Telegram'),
			self::WhatsApp => $l->t('Authenticate via WhatsApp'),
			self::Xmpp => $l->t('Authenticate via XMPP'),
		};
	}

	/** What the user is asked to enter in personal settings. */
	public function instructions(IL10N $l): string {
		return match ($this) {
			self::Signal => $l->t('The gateway can send authentication codes to your Signal app on your phone or desktop.'),
			self::Sms => $l->t('Authentication codes are sent to your phone by SMS.'),
			self::Telegram => $l->t('Start a chat with the bot of this server in Telegram, then enter your Telegram user id below.'),
			self::WhatsApp => $l->t('Authentication codes are sent to your WhatsApp.'),
			self::Xmpp => $l->t('Enter your Jabber ID (JID); your server must accept messages over HTTP.'),
		};
	}
}
