<?php
// `make bench`: what a send, a code check and loading the extension cost, measured in one run
// against references in the same run (ratios hold when absolute times drift).
// Loopback only; every loop is bounded in count.

declare(strict_types=1);

use TwoFactorGateway\{Code, Phone, Signal, Sms};

const SENDS = 2000;
const MESSAGE = '123456 is your Nextcloud authentication code';
const NUMBER = '+4917612345678';

$root = dirname(__DIR__);
$so = ini_get('extension') ?: '';
foreach (get_loaded_extensions() as $ext) {
    if ($ext === 'twofactor_gateway') {
        $so = (new ReflectionExtension($ext))->getName();
    }
}
$soPath = "$root/target/release/libtwofactor_gateway.so";

// The keep-alive mock, on a free port it reports on its first line.
$mock = proc_open([PHP_BINARY, '-n', "$root/tests/fixtures/keepalive_mock.php", '0'],
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
$port = (int)trim((string)fgets($pipes[1]));
if ($port <= 0) {
    fwrite(STDERR, "bench: the mock did not start\n");
    exit(1);
}
$base = "http://127.0.0.1:$port";

function per_op(callable $f, int $n): float
{
    $started = hrtime(true);
    for ($i = 0; $i < $n; $i++) {
        $f();
    }
    return (hrtime(true) - $started) / 1e6 / $n;
}

function curl_post($ch, string $url, string $body): string
{
    curl_setopt_array($ch, [
        CURLOPT_URL => $url, CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body,
        CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Accept: application/json'],
        CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5,
    ]);
    return (string)curl_exec($ch);
}

function curl_get($ch, string $url): string
{
    curl_setopt_array($ch, [CURLOPT_URL => $url, CURLOPT_HTTPGET => true, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5]);
    return (string)curl_exec($ch);
}

$rpcBody = json_encode(['jsonrpc' => '2.0', 'method' => 'send', 'id' => 'x',
    'params' => ['message' => MESSAGE, 'recipient' => NUMBER]]);
$v2Body = json_encode(['message' => MESSAGE, 'recipients' => [NUMBER]]);

// First send in a fresh process: client set-up (system CA store) and server detection.
$fresh = new Signal(['url' => "$base/rest2/fresh"]);
$firstMs = per_op(fn () => $fresh->send(NUMBER, MESSAGE), 1);

$rpc = new Signal(['url' => "$base/rpc/a"]);
$rest = new Signal(['url' => "$base/rest2/b"]);
$rpc->send(NUMBER, MESSAGE);
$rest->send(NUMBER, MESSAGE);

$seven = new Sms(['provider' => 'sms77io', 'api_key' => 'bench-key', 'api_url' => "$base/seven"]);
$seven->send(NUMBER, MESSAGE);
$sevenForm = http_build_query(['to' => substr(NUMBER, 1), 'text' => MESSAGE, 'sendWith' => 'nextcloud']);

$reused = curl_init();
$rows = [
    'ours: Signal::send, JSON-RPC (1 request/send)' => per_op(fn () => $rpc->send(NUMBER, MESSAGE), SENDS),
    'ours: Signal::send, REST v2 (1 request/send)' => per_op(fn () => $rest->send(NUMBER, MESSAGE), SENDS),
    'ours: Sms::send, seven, answer checked (1 request/send)' => per_op(fn () => $seven->send(NUMBER, MESSAGE), SENDS),
    'PHP curl, reused handle, seven form POST, answer not checked (1 request)' => per_op(function () use ($reused, $base, $sevenForm) {
        curl_setopt_array($reused, [
            CURLOPT_URL => "$base/seven/api/sms", CURLOPT_POST => true, CURLOPT_POSTFIELDS => $sevenForm,
            CURLOPT_HTTPHEADER => ['X-Api-Key: bench-key', 'Accept: application/json'],
            CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5,
        ]);
        curl_exec($reused);
    }, SENDS),
    'floor: PHP curl, one reused handle (1 request)' => per_op(fn () => curl_post($reused, "$base/rpc/c/api/v1/rpc", $rpcBody), SENDS),
    'PHP curl, new handle per request (1 request)' => per_op(function () use ($base, $rpcBody) {
        $ch = curl_init();
        curl_post($ch, "$base/rpc/d/api/v1/rpc", $rpcBody);
        curl_close($ch);
    }, SENDS),
    'upstream pattern: detect on every send, reused curl handle (3 requests/send)' => per_op(function () use ($reused, $base, $v2Body) {
        curl_post($reused, "$base/rest2/e/api/v1/rpc", '{"jsonrpc":"2.0","method":"version","id":"version_1"}');
        curl_get($reused, "$base/rest2/e/v1/about");
        curl_post($reused, "$base/rest2/e/v2/send", $v2Body);
    }, SENDS / 4),
];
$floor = $rows['floor: PHP curl, one reused handle (1 request)'];

printf("Sends to a keep-alive loopback gateway (%d each, sequential)\n", SENDS);
foreach ($rows as $what => $ms) {
    printf("  %-78s %7.3f ms  x%.2f of floor\n", $what, $ms, $ms / $floor);
}
printf("  %-78s %7.3f ms\n", 'first send in a process (HTTP client set-up + detection, 3 requests)', $firstMs);

// Leaks: resident memory after the sends above, then after 10000 more sends and code checks.
$rss = fn () => preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m) ? (int)$m[1] : 0;
$rss();                          // compiles the pattern first, so its memory is not counted
$before = $rss();
$key = random_bytes(32);
for ($i = 0; $i < 10000; $i++) {
    $rpc->send(NUMBER, MESSAGE);
    Code::verify($key, Code::issue($key)['state'], '000000');
}
printf("  %-78s %+7d KiB\n", 'resident memory after 10000 more sends and code checks', $rss() - $before);

$issued = Code::issue($key);
printf("\nCodes\n");
printf("  %-78s %7.2f us\n", 'Code::issue', 1000 * per_op(fn () => Code::issue($key), 20000));
printf("  %-78s %7.2f us\n", 'Code::verify (wrong code)', 1000 * per_op(fn () => Code::verify($key, $issued['state'], '000000'), 20000));
printf("  %-78s %7.2f us\n", 'Code::inspect', 1000 * per_op(fn () => Code::inspect($key, $issued['state']), 20000));
printf("  %-78s %7.2f us\n", 'PHP random_int + hash_hmac + hash_equals (reference)', 1000 * per_op(function () use ($key) {
    $c = (string)random_int(0, 999999);
    hash_equals(hash_hmac('sha256', $c, $key), hash_hmac('sha256', '000000', $key));
}, 20000));

printf("\nPhone numbers\n");
$firstNormalize = per_op(fn () => Phone::normalize('0176 12345678', 'DE'), 1);
printf("  %-78s %7.2f ms\n", 'first Phone::normalize in a process (loads libphonenumber metadata)', $firstNormalize);
printf("  %-78s %7.2f us\n", 'Phone::normalize, later calls', 1000 * per_op(fn () => Phone::normalize('0176 12345678', 'DE'), 20000));

// Loading the extension: 40 runs of an empty script each way, alternating.
$run = function (array $args): array {
    $started = hrtime(true);
    $out = shell_exec(implode(' ', array_map('escapeshellarg', $args)) . ' 2>&1');
    return [(hrtime(true) - $started) / 1e6, (int)$out];
};
$probe = 'preg_match("/VmHWM:\s+(\d+)/", file_get_contents("/proc/self/status"), $m); echo $m[1];';
$plain = $with = [];
for ($i = 0; $i < 40; $i++) {
    $plain[] = $run([PHP_BINARY, '-n', '-r', $probe]);
    $with[] = $run([PHP_BINARY, '-n', '-d', "extension=$soPath", '-r', $probe]);
}
$median = function (array $xs): float {
    sort($xs);
    return $xs[intdiv(count($xs), 2)];
};
$pt = $median(array_column($plain, 0));
$wt = $median(array_column($with, 0));
$pm = $median(array_column($plain, 1));
$wm = $median(array_column($with, 1));
printf("\nLoading the extension (php -n -r, median of 40)\n");
printf("  %-78s %7.2f ms  %6.1f MiB peak RSS\n", 'without', $pt, $pm / 1024);
printf("  %-78s %7.2f ms  %6.1f MiB peak RSS\n", 'with twofactor_gateway', $wt, $wm / 1024);
printf("  %-78s %+7.2f ms  %+6.1f MiB\n", 'cost', $wt - $pt, ($wm - $pm) / 1024);

fclose($pipes[0]);
proc_close($mock);
