--TEST--
Signal: sends to every server kind of the loopback mock, and each failure as its exception
--EXTENSIONS--
twofactor_gateway
--SKIPIF--
<?php if (!getenv('TFG_MOCK_URL')) die('skip needs the mock gateway (make test)'); ?>
--FILE--
<?php
use TwoFactorGateway\Signal;
use TwoFactorGateway\Exception\GatewayException;

$base = getenv('TFG_MOCK_URL');
const MESSAGE = '123456 is your Nextcloud authentication code';

function received(string $tenant): array
{
    $file = getenv('TFG_MOCK_DIR') . "/$tenant.jsonl";
    $lines = is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [];
    return array_map(fn ($l) => json_decode($l, true), $lines);
}

foreach (['rpc', 'rest2', 'rest1', 'legacy'] as $kind) {
    $tenant = "send_$kind";
    $signal = new Signal(['url' => "$base/$kind/$tenant", 'account' => '+4915112345678']);
    echo $kind, ' is ', $signal->detect(), "\n";
    $signal->send(' +49 (176) 1234-5678 ', MESSAGE);
    $signal->send('+4917612345678', MESSAGE);
    foreach (received($tenant) as $r) {
        printf("  %s %s %s %s\n", $r['method'], $r['path'], $r['content-type'] ?? '-',
            preg_replace('/"id":"tfg-\d+"/', '"id":"tfg-N"', $r['body']));
        if (!str_starts_with($r['user-agent'], 'Nextcloud-TwoFactorGateway/0.1.0 ')) {
            echo "  wrong user agent: {$r['user-agent']}\n";
        }
    }
}

$group = base64_encode(str_repeat("\x01", 32));
(new Signal(['url' => "$base/rpc/group"]))->send($group, MESSAGE);
echo 'group: ', preg_replace('/"id":"tfg-\d+"/', '"id":"tfg-N"', received('group')[1]['body']), "\n";

function failure(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (GatewayException $e) {
        $extra = $e instanceof TwoFactorGateway\Exception\RateLimitedException ? " retryAfter={$e->retryAfter}" : '';
        printf("%s %d %s%s\n", substr(get_class($e), 27), $e->getCode(), $e->getMessage(), $extra);
        if (str_contains($e->getMessage(), '123456')) {
            echo "  the code leaked into the message\n";
        }
    }
}

foreach (['status400', 'status401', 'status403', 'status429', 'status500', 'status503', 'garbage'] as $tenant) {
    failure(fn () => (new Signal(['url' => "$base/rest2/$tenant"]))->send('+4917612345678', MESSAGE));
}
failure(fn () => (new Signal(['url' => "$base/rpc/status401"]))->send('+4917612345678', MESSAGE));
failure(fn () => (new Signal(['url' => "$base/nothing/here"]))->send('+4917612345678', MESSAGE));
$closed = stream_socket_server('tcp://127.0.0.1:0');
$port = explode(':', stream_socket_get_name($closed, false))[1];
fclose($closed);
failure(function () use ($port) {
    (new Signal(['url' => "http://127.0.0.1:$port/secret/path"]))->send('+4917612345678', MESSAGE);
});
$signal = new Signal(['url' => "$base/rpc/bad"]);
failure(fn () => $signal->send('call me maybe', MESSAGE));
failure(fn () => $signal->send('0176 12345678', MESSAGE));
failure(fn () => $signal->send("+49176\xff", MESSAGE));
failure(fn () => $signal->send('+4917612345678', '  '));
failure(fn () => $signal->send('+4917612345678', "\xc3"));
echo count(received('bad')), " requests for bad input\n";
?>
--EXPECTF--
rpc is signal-cli JSON-RPC
  POST /api/v1/rpc application/json {"jsonrpc":"2.0","method":"version","id":"version"}
  POST /api/v1/rpc application/json {"jsonrpc":"2.0","method":"send","id":"tfg-N","params":{"message":"123456 is your Nextcloud authentication code","recipient":"+4917612345678","account":"+4915112345678"}}
  POST /api/v1/rpc application/json {"jsonrpc":"2.0","method":"send","id":"tfg-N","params":{"message":"123456 is your Nextcloud authentication code","recipient":"+4917612345678","account":"+4915112345678"}}
rest2 is REST API v2
  POST /api/v1/rpc application/json {"jsonrpc":"2.0","method":"version","id":"version"}
  GET /v1/about - 
  POST /v2/send application/json {"message":"123456 is your Nextcloud authentication code","number":"+4915112345678","recipients":["+4917612345678"]}
  POST /v2/send application/json {"message":"123456 is your Nextcloud authentication code","number":"+4915112345678","recipients":["+4917612345678"]}
rest1 is REST API v1
  POST /api/v1/rpc application/json {"jsonrpc":"2.0","method":"version","id":"version"}
  GET /v1/about - 
  POST /v1/send/+4917612345678 application/json {"message":"123456 is your Nextcloud authentication code"}
  POST /v1/send/+4917612345678 application/json {"message":"123456 is your Nextcloud authentication code"}
legacy is signal-web-gateway
  POST /api/v1/rpc application/json {"jsonrpc":"2.0","method":"version","id":"version"}
  GET /v1/about - 
  POST /v1/send/+4917612345678 application/json {"message":"123456 is your Nextcloud authentication code"}
  POST /v1/send/+4917612345678 application/json {"message":"123456 is your Nextcloud authentication code"}
group: {"jsonrpc":"2.0","method":"send","id":"tfg-N","params":{"message":"123456 is your Nextcloud authentication code","group-id":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="}}
RejectedException 305 Signal: HTTP 400: mock failure 400
UnauthorizedException 303 Signal: HTTP 401: mock failure 401
UnauthorizedException 303 Signal: HTTP 403: mock failure 403
RateLimitedException 304 Signal: HTTP 429: mock failure 429 (retry after 30 s) retryAfter=30
ServerErrorException 306 Signal: HTTP 500: mock failure 500
ServerErrorException 306 Signal: HTTP 503: mock failure 503
UnexpectedResponseException 307 Signal: HTTP 200 instead of 201
UnauthorizedException 303 Signal: HTTP 401: mock failure 401
UnexpectedResponseException 307 Signal: HTTP 404
NetworkException 301 Signal: cannot connect to http://127.0.0.1:%d: Connection refused (os error 111)
InvalidIdentifierException 200 a phone number must not contain letters
InvalidIdentifierException 200 the phone number needs a country code (+…), as no default region is set
InvalidIdentifierException 200 the recipient is not UTF-8 text
InvalidMessageException 210 the message is empty
InvalidMessageException 210 the message is not UTF-8 text
0 requests for bad input
