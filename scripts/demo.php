<?php
// `make demo`: one login code, end to end, through a Signal gateway on 127.0.0.1.
// Run by scripts/with-mock.sh, which starts the gateway and sets TFG_MOCK_URL/TFG_MOCK_DIR.
// Exits 0 only if every step held.

declare(strict_types=1);

use TwoFactorGateway\Code;
use TwoFactorGateway\Signal;
use TwoFactorGateway\Exception\GatewayException;

$failures = 0;
function step(string $what, bool $held, string $detail = ''): void
{
    global $failures;
    printf("[%s] %s%s\n", $held ? ' ok ' : 'FAIL', $what, $detail === '' ? '' : "\n       $detail");
    $failures += $held ? 0 : 1;
}

$mock = getenv('TFG_MOCK_URL');
$dir = getenv('TFG_MOCK_DIR');
if (!$mock || !$dir) {
    fwrite(STDERR, "run through 'make demo' (needs the mock gateway)\n");
    exit(2);
}

step('extension loaded', extension_loaded('twofactor_gateway'),
    'twofactor_gateway ' . phpversion('twofactor_gateway') . ' in PHP ' . PHP_VERSION);

// What Nextcloud's instance secret is in the app; a throwaway one here.
$instanceSecret = random_bytes(32);
$recipient = '+49 176 12345678';

$issued = Code::issue($instanceSecret);
step('issued a 6-digit code, valid 300 s, 5 attempts', strlen($issued['code']) === 6,
    'state kept by the app (no code inside): ' . $issued['state']);

$signal = new Signal(['url' => "$mock/rpc/demo", 'account' => '+4915112345678']);
step('gateway detected at ' . "$mock/rpc/demo", $signal->detect() === 'signal-cli JSON-RPC', 'kind: signal-cli JSON-RPC');

$message = sprintf('%s is your Nextcloud authentication code', $issued['code']);
try {
    $started = hrtime(true);
    $signal->send($recipient, $message);
    $ms = (hrtime(true) - $started) / 1e6;
    step('sent through TwoFactorGateway\Signal', true, sprintf('one HTTP request, %.2f ms', $ms));
} catch (GatewayException $e) {
    step('sent through TwoFactorGateway\Signal', false, get_class($e) . ': ' . $e->getMessage());
}

$log = is_file("$dir/demo.jsonl") ? file("$dir/demo.jsonl", FILE_IGNORE_NEW_LINES) : [];
$send = null;
foreach ($log as $line) {
    $request = json_decode($line, true);
    if (str_contains($request['body'], '"method":"send"')) {
        $send = $request;
    }
}
step('the gateway received the send request', $send !== null,
    $send === null ? 'nothing received' : "{$send['method']} {$send['path']}  {$send['body']}");
$params = $send ? (json_decode($send['body'], true)['params'] ?? []) : [];
step('recipient normalised to E.164', ($params['recipient'] ?? null) === '+4917612345678',
    'typed "' . $recipient . '", sent "' . ($params['recipient'] ?? '') . '"');

// The user reads the code from the message on their phone and types it in.
$typed = preg_match('/^(\d{6}) is your Nextcloud authentication code$/', $params['message'] ?? '', $m) ? $m[1] : '';
$wrong = $typed === '000000' ? '111111' : '000000';

$check = Code::verify($instanceSecret, $issued['state'], $wrong);
step('a wrong code is rejected', $check['valid'] === false && $check['reason'] === 'mismatch',
    "typed $wrong: reason {$check['reason']}, {$check['attemptsLeft']} attempts left");
$check = Code::verify($instanceSecret, $check['state'], $typed);
step('the received code is accepted', $check['valid'] === true, "typed the code from the message: reason {$check['reason']}");
$replay = Code::verify($instanceSecret, $check['state'], $typed);
step('the same code cannot be used twice', $replay['valid'] === false && $replay['reason'] === 'used',
    "typed it again: reason {$replay['reason']}");

echo $failures === 0 ? "demo: all steps held\n" : "demo: $failures step(s) failed\n";
exit($failures === 0 ? 0 : 1);
