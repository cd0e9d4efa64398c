<?php

// Stubs for twofactor_gateway

namespace TwoFactorGateway {
    /**
     * One-time codes for login and set-up: made from the OS CSPRNG, checked in constant time,
     * limited in time (default 300 s, at most 600), in attempts (default 5) and to one success.
     *
     * The code goes to the user; the opaque state goes into the session or a user preference. The
     * state holds only a keyed hash of the code (key: the instance secret) and is MAC-protected,
     * so neither reading nor editing it helps an attacker. Keep the state returned by verify():
     * it counts the attempts.
     */
    class Code {
        public function __construct() {}

        /**
         * Reads a state without using an attempt: whether the code can still be entered, when it
         * was made and expires, and how many tries are left (for "send a new code" cooldowns).
         *
         * standing is "pending", "used", "expired", "exhausted" or "invalid".
         *
         * @return array{usable: bool, standing: string, issuedAt: int, expiresAt: int, attemptsLeft: int}
         * @throws \TwoFactorGateway\Exception\ConfigurationException a short key
         *
         * @param string $key
         * @param string $state
         * @param int|null $now
         * @return array
         */
        public static function inspect(string $key, string $state, ?int $now = null): array {}

        /**
         * Makes a new code.
         *
         * @param string $key the instance secret (at least 16 bytes)
         * @param int|null $length digits, 4 to 10 (default 6)
         * @param int|null $ttl seconds, 1 to 600 (default 300)
         * @param int|null $maxAttempts wrong tries allowed, 1 to 20 (default 5)
         * @param int|null $now Unix time (default: the clock), for tests
         * @return array{code: string, state: string, expiresAt: int}
         * @throws \TwoFactorGateway\Exception\ConfigurationException
         *
         * @param string $key
         * @param int|null $length
         * @param int|null $ttl
         * @param int|null $maxAttempts
         * @param int|null $now
         * @return array
         */
        public static function issue(string $key, ?int $length = null, ?int $ttl = null, ?int $maxAttempts = null, ?int $now = null): array {}

        /**
         * Checks what the user typed (spaces and dashes ignored) against a state.
         *
         * reason is "ok", "mismatch", "used", "expired", "exhausted" or "invalid" (malformed,
         * edited, or made with another key). Store the returned state in place of the old one.
         *
         * @return array{valid: bool, reason: string, state: string, standing: string, issuedAt: int, expiresAt: int, attemptsLeft: int}
         * @throws \TwoFactorGateway\Exception\ConfigurationException a short key
         *
         * @param string $key
         * @param string $state
         * @param string $input
         * @param int|null $now
         * @return array
         */
        public static function verify(string $key, string $state, string $input, ?int $now = null): array {}
    }

    /**
     * Phone numbers to E.164, with libphonenumber's country data.
     */
    class Phone {
        public function __construct() {}

        /**
         * Normalises a phone number to E.164 ("+4917612345678"). Spaces, dashes, dots, slashes and
         * parentheses are ignored; a leading 00 means +; a national number is completed with
         * $defaultRegion (ISO 3166 alpha-2, e.g. Nextcloud's default_phone_region).
         *
         * @throws \TwoFactorGateway\Exception\InvalidIdentifierException letters, impossible numbers,
         *   national numbers without a region
         * @throws \TwoFactorGateway\Exception\ConfigurationException an unknown region
         *
         * @param string $input
         * @param string|null $defaultRegion
         * @return string
         */
        public static function normalize(string $input, ?string $defaultRegion = null): string {}
    }

    /**
     * Sends messages through a Signal gateway: signal-cli's JSON-RPC HTTP daemon,
     * signal-cli-rest-api, or the legacy signal-web-gateway (detected once per process).
     */
    class Signal {
        /**
         * @param array<string, string|int|bool|null> $config Keys: url, account, and the transport keys
         *   connect_timeout, timeout, ca_file (see fields()).
         * @throws \TwoFactorGateway\Exception\ConfigurationException naming every bad key
         *
         * @param array $config
         */
        public function __construct(array $config) {}

        /**
         * Asks the gateway which kind of server it is (and remembers the answer for this process):
         * "signal-cli JSON-RPC", "REST API v2", "REST API v1" or "signal-web-gateway".
         *
         * @throws \TwoFactorGateway\Exception\MessageTransmissionException when it cannot be reached
         *
         * @return string
         */
        public function detect(): string {}

        /**
         * The configuration fields, in prompt order: list of arrays with keys
         * key, prompt, kind (text|secret|url|integer|boolean|choice), optional, default, help,
         * secret, advanced (+ min/max for integers, choices for choices).
         *
         * @return list<array<string, mixed>>
         *
         * @return array
         */
        public static function fields(): array {}

        /**
         * The channel id, "signal".
         *
         * @return string
         */
        public static function id(): string {}

        /**
         * Sends a message to a phone number (E.164), a Signal group id, a UUID or u:username.
         *
         * @throws \TwoFactorGateway\Exception\InvalidIdentifierException
         * @throws \TwoFactorGateway\Exception\InvalidMessageException
         * @throws \TwoFactorGateway\Exception\MessageTransmissionException (a subclass per failure)
         *
         * @param string $identifier
         * @param string $message
         * @return void
         */
        public function send(string $identifier, string $message): void {}
    }

    /**
     * Sends SMS through one of the providers listed by providers(), chosen by the `provider` key.
     */
    class Sms {
        /**
         * @param array<string, string|int|bool|null> $config `provider` (an id from providers())
         *   and that provider's fields, plus the transport keys connect_timeout, timeout, ca_file.
         * @throws \TwoFactorGateway\Exception\ConfigurationException naming every bad key
         *
         * @param array $config
         */
        public function __construct(array $config) {}

        /**
         * The channel id, "sms".
         *
         * @return string
         */
        public static function id(): string {}

        /**
         * The id of the configured provider.
         *
         * @return string
         */
        public function provider(): string {}

        /**
         * The providers in a stable order: list of arrays with keys id, name and fields
         * (the same field arrays as Signal::fields()).
         *
         * @return list<array{id: string, name: string, fields: list<array<string, mixed>>}>
         *
         * @return array
         */
        public static function providers(): array {}

        /**
         * Sends a message to a phone number (E.164, or international with 00 or + in any notation).
         *
         * @throws \TwoFactorGateway\Exception\InvalidIdentifierException
         * @throws \TwoFactorGateway\Exception\InvalidMessageException
         * @throws \TwoFactorGateway\Exception\MessageTransmissionException (a subclass per failure)
         *
         * @param string $identifier
         * @param string $message
         * @return void
         */
        public function send(string $identifier, string $message): void {}
    }
}
