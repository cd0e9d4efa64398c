--TEST--
Settings UI in headless Chromium: enable, verify (wrong code, right code), disable; unconfigured gateways hidden
--EXTENSIONS--
twofactor_gateway
--SKIPIF--
<?php
if (!getenv('TFG_MOCK_URL') || !getenv('TFG_EXTENSION')) die('skip needs the mock gateway (make test)');
if (!is_executable('/usr/bin/chromedriver') || !is_executable('/usr/bin/chromium')) die('skip needs chromium and chromium-driver');
if (!is_file('/usr/share/php/Symfony/Component/Console/autoload.php')) die('skip needs php-symfony-console');
?>
--FILE--
<?php
function free_port(): int {
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int)explode(':', stream_socket_get_name($s, false))[1];
    fclose($s);
    return $port;
}
function wait_port(int $port): void {
    for ($i = 0; $i < 100 && !@fsockopen('127.0.0.1', $port); $i++) {
        usleep(50000);
    }
}

$root = dirname(__DIR__, 2);
@unlink(getenv('TFG_MOCK_DIR') . '/ui-state.json');
$pagePort = free_port();
$page = proc_open([PHP_BINARY, '-n', '-d', 'extension=' . getenv('TFG_EXTENSION'), '-S', "127.0.0.1:$pagePort", "$root/tests/ui/server.php"],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $p1,
    null, ['PHP_CLI_SERVER_WORKERS' => '4'] + getenv());   // the browser opens spare connections
$driverPort = free_port();
$driver = proc_open(['/usr/bin/chromedriver', "--port=$driverPort"],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $p2);
wait_port($pagePort);
wait_port($driverPort);

/** One W3C WebDriver call (raw HTTP/1.1: PHP's http:// wrapper stalls on chromedriver's answers). */
function wd(string $method, string $path, ?array $body = null): mixed {
    global $driverPort;
    $payload = $body === null ? '' : ($body === [] ? '{}' : json_encode($body));
    $socket = fsockopen('127.0.0.1', $driverPort, $errno, $error, 5);
    stream_set_timeout($socket, 20);
    fwrite($socket, "$method $path HTTP/1.1\r\nHost: 127.0.0.1:$driverPort\r\nContent-Type: application/json\r\n"
        . 'Content-Length: ' . strlen($payload) . "\r\nConnection: close\r\n\r\n$payload");
    // chromedriver keeps the connection open: read the headers, then Content-Length bytes.
    $head = '';
    while (!str_contains($head, "\r\n\r\n") && ($line = fgets($socket)) !== false) {
        $head .= $line;
    }
    $length = preg_match('/^content-length:\s*(\d+)/mi', $head, $m) ? (int)$m[1] : 0;
    $raw = '';
    while (strlen($raw) < $length && ($chunk = fread($socket, $length - strlen($raw))) !== false && $chunk !== '') {
        $raw .= $chunk;
    }
    fclose($socket);
    $answer = json_decode($raw, true);
    if (isset($answer['value']['error'])) {
        throw new RuntimeException($answer['value']['error'] . ': ' . substr($answer['value']['message'], 0, 200));
    }
    return $answer['value'] ?? null;
}

$session = wd('POST', '/session', ['capabilities' => ['alwaysMatch' => ['browserName' => 'chrome',
    'goog:chromeOptions' => ['binary' => '/usr/bin/chromium', 'args' => ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=900,600']]]]])['sessionId'];
$s = "/session/$session";
$js = fn (string $script) => wd('POST', "$s/execute/sync", ['script' => $script, 'args' => []]);
$find = fn (string $css) => array_values(wd('POST', "$s/element", ['using' => 'css selector', 'value' => $css]))[0];
$click = fn (string $css) => wd('POST', "$s/element/{$find($css)}/click", []);
$type = function (string $css, string $text) use ($s, $find) {
    $id = $find($css);
    wd('POST', "$s/element/$id/clear", []);
    wd('POST', "$s/element/$id/value", ['text' => $text]);
};
$state = fn () => $js("const r = document.getElementById('twofactor-gateway-signal'); return r ? (r.dataset.state || '') : 'none'");
$text = fn () => preg_replace('/\n+/', "\n", trim($js("return document.getElementById('twofactor-gateway-signal').innerText")));
$waitFor = function (string $want) use ($state) {
    for ($i = 0; $i < 100 && $state() !== $want; $i++) {
        usleep(50000);
    }
    return $state() === $want;
};
$code = fn () => trim((string)file_get_contents("http://127.0.0.1:$pagePort/__last_code"));

try {
    wd('POST', "$s/url", ['url' => "http://127.0.0.1:$pagePort/"]);
    var_dump($waitFor('0'));
    echo $text(), "\n";
    echo 'sms section shown: ', json_encode($js("return getComputedStyle(document.querySelector('li.provider-sms')).display !== 'none'")), "\n";

    $click('#twofactor-gateway-signal .enable');
    var_dump($waitFor('1'));
    echo 'prefilled: ', $js("return document.querySelector('#twofactor-gateway-signal .identifier').value"), "\n";
    $click('#twofactor-gateway-signal .verify');
    var_dump($waitFor('2'));
    echo $text(), "\n";

    $right = $code();
    $type('#twofactor-gateway-signal .code', $right === '000000' ? '111111' : '000000');
    $click('#twofactor-gateway-signal .confirm');
    var_dump($waitFor('1'));
    echo $js("return document.querySelector('#twofactor-gateway-signal .error').innerText"), "\n";

    $click('#twofactor-gateway-signal .verify');
    var_dump($waitFor('2'));
    file_put_contents(getenv('TFG_MOCK_DIR') . '/ui-settings.png', base64_decode(wd('GET', "$s/screenshot")));
    $type('#twofactor-gateway-signal .code', $code());
    $click('#twofactor-gateway-signal .confirm');
    var_dump($waitFor('3'));
    echo $text(), "\n";

    // A reload shows the stored state.
    wd('POST', "$s/url", ['url' => "http://127.0.0.1:$pagePort/"]);
    var_dump($waitFor('3'));
    $click('#twofactor-gateway-signal .disable');
    var_dump($waitFor('0'));
} finally {
    wd('DELETE', $s);
    proc_terminate($driver);
    proc_terminate($page);
    proc_close($driver);
    proc_close($page);
}
?>
--EXPECT--
bool(true)
The gateway can send authentication codes to your Signal app on your phone or desktop.
You are not using Signal for two-factor authentication at the moment.
Enable
sms section shown: false
bool(true)
prefilled: 0176 12345678
bool(true)
A confirmation code has been sent to +4917612345678. Please insert the code here:  Confirm
bool(true)
Could not verify your code. Please try again.
bool(true)
bool(true)
Your account was successfully configured to receive messages via Signal.
Disable
bool(true)
bool(true)
