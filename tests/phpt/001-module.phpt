--TEST--
Module: loaded, phpinfo() section, classes and their public methods
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
var_dump(extension_loaded('twofactor_gateway'));
var_dump(phpversion('twofactor_gateway') === '0.1.0');

ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
var_dump(str_contains($info, 'twofactor_gateway => enabled'));
var_dump((bool)preg_match('/^version => \d+\.\d+\.\d+$/m', $info));
var_dump(str_contains($info, 'channels => signal, sms'));

$ext = new ReflectionExtension('twofactor_gateway');
$classes = $ext->getClassNames();
sort($classes);
echo implode("\n", $classes), "\n";

foreach (['TwoFactorGateway\Signal', 'TwoFactorGateway\Sms', 'TwoFactorGateway\Code', 'TwoFactorGateway\Phone'] as $class) {
    $methods = array_map(
        fn (ReflectionMethod $m) => ($m->isStatic() ? 'static ' : '') . $m->getName() . '/' . $m->getNumberOfParameters(),
        (new ReflectionClass($class))->getMethods(ReflectionMethod::IS_PUBLIC)
    );
    sort($methods);
    echo $class, ': ', implode(', ', $methods), "\n";
}
// Static holders cannot be instantiated.
try {
    new TwoFactorGateway\Code();
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
TwoFactorGateway\Code
TwoFactorGateway\Exception\ConfigurationException
TwoFactorGateway\Exception\GatewayException
TwoFactorGateway\Exception\InvalidIdentifierException
TwoFactorGateway\Exception\InvalidMessageException
TwoFactorGateway\Exception\MessageTransmissionException
TwoFactorGateway\Exception\NetworkException
TwoFactorGateway\Exception\RateLimitedException
TwoFactorGateway\Exception\RejectedException
TwoFactorGateway\Exception\ServerErrorException
TwoFactorGateway\Exception\TimeoutException
TwoFactorGateway\Exception\UnauthorizedException
TwoFactorGateway\Exception\UnexpectedResponseException
TwoFactorGateway\Phone
TwoFactorGateway\Signal
TwoFactorGateway\Sms
TwoFactorGateway\Signal: __construct/1, detect/0, send/2, static fields/0, static id/0
TwoFactorGateway\Sms: __construct/1, provider/0, send/2, static id/0, static providers/0
TwoFactorGateway\Code: __construct/0, static inspect/3, static issue/5, static verify/4
TwoFactorGateway\Phone: __construct/0, static normalize/2
Exception: You cannot instantiate this class from PHP.
