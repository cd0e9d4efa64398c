<?php

// Stubs for the exception classes of the twofactor_gateway extension.
// Hand-written: these classes are registered at module start-up (so that PHP code can construct
// them), which `cargo php stubs` does not see. tests/phpt/010-stubs.phpt checks them against
// the loaded extension.

namespace TwoFactorGateway\Exception {
    /**
     * Every failure of the extension. getCode() is stable per class (see CODE).
     */
    class GatewayException extends \RuntimeException {}

    /** The configuration (or a code policy, key or region) is invalid; the message names every bad key. */
    class ConfigurationException extends GatewayException {
        public const CODE = 100;
    }

    /** The recipient (phone number, group id, …) cannot be used. */
    class InvalidIdentifierException extends GatewayException {
        public const CODE = 200;
    }

    /** The message cannot be sent as it is (empty, too long, not UTF-8). */
    class InvalidMessageException extends GatewayException {
        public const CODE = 210;
    }

    /** The message did not get through; a subclass says why. */
    class MessageTransmissionException extends GatewayException {}

    /** The service could not be reached (DNS, refused connection, TLS, reset). */
    class NetworkException extends MessageTransmissionException {
        public const CODE = 301;
    }

    /** The service did not answer within the configured timeout. */
    class TimeoutException extends MessageTransmissionException {
        public const CODE = 302;
    }

    /** The service refused the credentials (HTTP 401/403 or its own equivalent). */
    class UnauthorizedException extends MessageTransmissionException {
        public const CODE = 303;
    }

    /** The service asked to slow down. */
    class RateLimitedException extends MessageTransmissionException {
        public const CODE = 304;

        /** Seconds the service asked to wait, when it said so. */
        public ?int $retryAfter = null;
    }

    /** The service answered and refused to deliver; the message carries its reason. */
    class RejectedException extends MessageTransmissionException {
        public const CODE = 305;
    }

    /** The service failed on its side (HTTP 5xx). */
    class ServerErrorException extends MessageTransmissionException {
        public const CODE = 306;
    }

    /** The answer was not what the service documents (wrong shape, not JSON, larger than 1 MiB). */
    class UnexpectedResponseException extends MessageTransmissionException {
        public const CODE = 307;
    }
}
