--TEST--
Signal: a gateway that accepts and never answers fails with TimeoutException within the timeout
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\Signal;
use TwoFactorGateway\Exception\TimeoutException;

// The kernel completes the connection for the listening socket; nobody ever answers.
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = explode(':', stream_socket_get_name($server, false))[1];

$signal = new Signal(['url' => "http://127.0.0.1:$port", 'timeout' => 1]);
$started = microtime(true);
try {
    $signal->send('+4917612345678', '123456 is your Nextcloud authentication code');
    echo "sent?\n";
} catch (TimeoutException $e) {
    echo get_class($e), ' ', $e->getCode(), ' ', str_replace($port, 'PORT', $e->getMessage()), "\n";
}
$took = microtime(true) - $started;
var_dump($took > 0.9 && $took < 2.5);
?>
--EXPECT--
TwoFactorGateway\Exception\TimeoutException 302 Signal: http://127.0.0.1:PORT did not answer within 1 s
bool(true)
