--TEST--
Robustness: no PHP input crashes the process or escapes as a Rust panic
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\{Code, Phone, Signal};
use TwoFactorGateway\Exception\GatewayException;

$values = [
    null, true, false, 0, -1, PHP_INT_MAX, PHP_INT_MIN, 1.5, NAN, INF, '', "\0", '0', '+',
    str_repeat('9', 1 << 20), "\xff\xfe\xfd", "tfg1." . str_repeat('.', 100), '+4917612345678',
    [], [1, 2], ['url' => ['x']], ['url' => 'http://127.0.0.1:1', 'timeout' => PHP_INT_MAX],
    array_fill_keys(range(0, 2000), 'x'), new stdClass(), fopen('php://memory', 'r'), fn () => 1,
];
$key = str_repeat('k', 32);
$calls = [
    'new Signal' => fn ($v) => new Signal($v),
    'Signal::send(v, m)' => fn ($v) => (new Signal(['url' => 'http://127.0.0.1:1', 'connect_timeout' => 1]))->send($v, 'm'),
    'Signal::send(id, v)' => fn ($v) => (new Signal(['url' => 'http://127.0.0.1:1', 'connect_timeout' => 1]))->send('+4917612345678', $v),
    'Code::issue(v)' => fn ($v) => Code::issue($v),
    'Code::issue(key, v)' => fn ($v) => Code::issue($key, $v),
    'Code::issue(key, 6, v, v, v)' => fn ($v) => Code::issue($key, 6, $v, $v, $v),
    'Code::verify(key, v, v)' => fn ($v) => Code::verify($key, $v, $v),
    'Code::inspect(key, v, v)' => fn ($v) => Code::inspect($key, $v, $v),
    'Phone::normalize(v)' => fn ($v) => Phone::normalize($v),
    'Phone::normalize(x, v)' => fn ($v) => Phone::normalize('0176 12345678', $v),
];

$outcomes = [];
$bad = 0;
foreach ($calls as $name => $call) {
    foreach ($values as $i => $value) {
        try {
            $call($value);
            $outcome = 'returned';
        } catch (GatewayException $e) {
            $outcome = 'GatewayException';
        } catch (TypeError | ValueError $e) {
            $outcome = 'TypeError';
        } catch (Throwable $e) {
            $outcome = get_class($e);
            echo "$name with value #$i: ", get_class($e), ': ', substr($e->getMessage(), 0, 200), "\n";
            $bad++;
        }
        $outcomes[$outcome] = ($outcomes[$outcome] ?? 0) + 1;
    }
}
ksort($outcomes);
echo json_encode(array_keys($outcomes)), "\n";
echo array_sum($outcomes), " calls, $bad unexpected\n";
?>
--EXPECT--
["GatewayException","TypeError","returned"]
260 calls, 0 unexpected
