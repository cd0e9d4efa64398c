--TEST--
Exceptions: hierarchy, stable codes, constructible and catchable from PHP
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\Exception as E;

$tree = [
    E\GatewayException::class => RuntimeException::class,
    E\ConfigurationException::class => E\GatewayException::class,
    E\InvalidIdentifierException::class => E\GatewayException::class,
    E\InvalidMessageException::class => E\GatewayException::class,
    E\MessageTransmissionException::class => E\GatewayException::class,
    E\NetworkException::class => E\MessageTransmissionException::class,
    E\TimeoutException::class => E\MessageTransmissionException::class,
    E\UnauthorizedException::class => E\MessageTransmissionException::class,
    E\RateLimitedException::class => E\MessageTransmissionException::class,
    E\RejectedException::class => E\MessageTransmissionException::class,
    E\ServerErrorException::class => E\MessageTransmissionException::class,
    E\UnexpectedResponseException::class => E\MessageTransmissionException::class,
];
foreach ($tree as $class => $parent) {
    $code = defined("$class::CODE") ? constant("$class::CODE") : '-';
    printf("%s < %s code %s %s\n", substr($class, 27), get_parent_class($class), $code,
        is_subclass_of($class, $parent) ? 'ok' : 'WRONG');
}

// The app's tests construct them; the previous exception is kept.
$prev = new LogicException('cause');
$e = new E\TimeoutException('took too long', E\TimeoutException::CODE, $prev);
try {
    throw $e;
} catch (E\MessageTransmissionException $caught) {
    var_dump($caught->getMessage(), $caught->getCode(), $caught->getPrevious() === $prev);
}

$r = new E\RateLimitedException('slow down', 304);
var_dump($r->retryAfter);
$r->retryAfter = 12;
var_dump($r->retryAfter);

// A thrown one from the extension is a real instance too.
try {
    new TwoFactorGateway\Signal(['url' => 'nope']);
} catch (E\GatewayException $g) {
    var_dump(get_class($g), $g->getCode(), $g->getFile() === __FILE__, $g->getLine());
}
?>
--EXPECT--
GatewayException < RuntimeException code - ok
ConfigurationException < TwoFactorGateway\Exception\GatewayException code 100 ok
InvalidIdentifierException < TwoFactorGateway\Exception\GatewayException code 200 ok
InvalidMessageException < TwoFactorGateway\Exception\GatewayException code 210 ok
MessageTransmissionException < TwoFactorGateway\Exception\GatewayException code - ok
NetworkException < TwoFactorGateway\Exception\MessageTransmissionException code 301 ok
TimeoutException < TwoFactorGateway\Exception\MessageTransmissionException code 302 ok
UnauthorizedException < TwoFactorGateway\Exception\MessageTransmissionException code 303 ok
RateLimitedException < TwoFactorGateway\Exception\MessageTransmissionException code 304 ok
RejectedException < TwoFactorGateway\Exception\MessageTransmissionException code 305 ok
ServerErrorException < TwoFactorGateway\Exception\MessageTransmissionException code 306 ok
UnexpectedResponseException < TwoFactorGateway\Exception\MessageTransmissionException code 307 ok
string(13) "took too long"
int(302)
bool(true)
NULL
int(12)
string(49) "TwoFactorGateway\Exception\ConfigurationException"
int(100)
bool(true)
int(40)
