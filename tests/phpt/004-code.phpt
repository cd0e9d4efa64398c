--TEST--
Code: issue, verify, expiry, attempts, single use, inspect, tampering, bad arguments
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\Code;
use TwoFactorGateway\Exception\ConfigurationException;

$key = random_bytes(32);               // binary keys are fine
$t0 = 1800000000;

$i = Code::issue($key, null, null, null, $t0);
var_dump(array_keys($i), (bool)preg_match('/^\d{6}$/', $i['code']), $i['expiresAt'] - $t0);
var_dump(str_contains($i['state'], $i['code']));
foreach ([4, 8, 10] as $len) {
    var_dump(strlen(Code::issue($key, $len)['code']));
}

// Right code once; then "used".
$wrong = $i['code'] === '000000' ? '111111' : '000000';
$v = Code::verify($key, $i['state'], $wrong, $t0 + 1);
echo $v['reason'], ' ', $v['attemptsLeft'], "\n";
$v = Code::verify($key, $v['state'], substr($i['code'], 0, 3) . ' ' . substr($i['code'], 3), $t0 + 2);
echo json_encode([$v['valid'], $v['reason'], $v['standing'], $v['attemptsLeft']]), "\n";
$again = Code::verify($key, $v['state'], $i['code'], $t0 + 3);
echo json_encode([$again['valid'], $again['reason']]), "\n";

// Expiry: ttl 60.
$e = Code::issue($key, 6, 60, 5, $t0);
echo json_encode(Code::inspect($key, $e['state'], $t0 + 59)), "\n";
echo json_encode(Code::inspect($key, $e['state'], $t0 + 60)), "\n";
$x = Code::verify($key, $e['state'], $e['code'], $t0 + 61);
echo json_encode([$x['valid'], $x['reason']]), "\n";

// Attempts: 3 wrong tries use them up, the right code is then refused too.
$a = Code::issue($key, 6, 300, 3, $t0);
$state = $a['state'];
$bad = $a['code'] === '999999' ? '888888' : '999999';
foreach ([1, 2, 3] as $n) {
    $r = Code::verify($key, $state, $bad, $t0 + $n);
    $state = $r['state'];
    echo "try $n: {$r['reason']} left {$r['attemptsLeft']}\n";
}
$r = Code::verify($key, $state, $a['code'], $t0 + 4);
echo json_encode([$r['valid'], $r['reason']]), "\n";

// Tampered, foreign and junk states are "invalid", never an error.
$forged = preg_replace('/^(tfg1\.\d+\.\d+\.\d+\.)\d+/', '${1}0', $state);
var_dump($forged !== $state);
echo Code::verify($key, $forged, $a['code'], $t0)['reason'], "\n";
echo Code::verify(random_bytes(32), $a['state'], $a['code'], $t0)['reason'], "\n";
echo Code::verify($key, '', '123456', $t0)['reason'], "\n";
echo json_encode(Code::inspect($key, "tfg1.\0\xff", $t0)), "\n";

// Bad arguments: one ConfigurationException each, naming what is wrong.
foreach ([
    fn () => Code::issue('short'),
    fn () => Code::issue($key, 3, 601, 0),
    fn () => Code::issue($key, 6, 300, 5, -1),
    fn () => Code::verify(123, $a['state'], '1'),
] as $f) {
    try {
        $f();
    } catch (ConfigurationException|TypeError $ex) {
        echo get_class($ex), ': ', $ex->getMessage(), "\n";
    }
}
// Bytes that are not UTF-8 are a wrong code, not an error.
$n = Code::issue($key, 6, 300, 5, $t0);
$r = Code::verify($key, $n['state'], "\xff\xfe12345", $t0);
echo json_encode([$r['valid'], $r['reason'], $r['attemptsLeft']]), "\n";

// Without $now the clock is used.
$live = Code::issue($key);
var_dump(abs($live['expiresAt'] - time() - 300) <= 2, Code::verify($key, $live['state'], $live['code'])['valid']);
?>
--EXPECT--
array(3) {
  [0]=>
  string(4) "code"
  [1]=>
  string(5) "state"
  [2]=>
  string(9) "expiresAt"
}
bool(true)
int(300)
bool(false)
int(4)
int(8)
int(10)
mismatch 4
[true,"ok","used",4]
[false,"used"]
{"usable":true,"standing":"pending","issuedAt":1800000000,"expiresAt":1800000060,"attemptsLeft":5}
{"usable":false,"standing":"expired","issuedAt":1800000000,"expiresAt":1800000060,"attemptsLeft":5}
[false,"expired"]
try 1: mismatch left 2
try 2: mismatch left 1
try 3: mismatch left 0
[false,"exhausted"]
bool(true)
invalid
invalid
invalid
{"usable":false,"standing":"invalid","issuedAt":0,"expiresAt":0,"attemptsLeft":0}
TwoFactorGateway\Exception\ConfigurationException: the code key must be at least 16 bytes long
TwoFactorGateway\Exception\ConfigurationException: code policy is invalid: length must be between 4 and 10; ttl must be between 1 and 600; maxAttempts must be between 1 and 20
TwoFactorGateway\Exception\ConfigurationException: now must not be negative
TypeError: Invalid value given for argument `key`.
[false,"mismatch",4]
bool(true)
bool(true)
