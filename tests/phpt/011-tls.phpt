--TEST--
TLS: always verified; an extra CA file (ca_file) makes a gateway with an internal CA work
--EXTENSIONS--
twofactor_gateway
openssl
pcntl
--SKIPIF--
<?php
if (!function_exists('pcntl_fork')) die('skip needs pcntl');
if (!trim((string)shell_exec('command -v openssl'))) die('skip needs the openssl command');
?>
--FILE--
<?php
use TwoFactorGateway\Signal;
use TwoFactorGateway\Exception\GatewayException;

// A throwaway CA and a certificate for 127.0.0.1 signed by it.
$dir = sys_get_temp_dir() . '/tfg-tls-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/ext.cnf", "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
$q = fn ($s) => escapeshellarg("$dir/$s");
foreach ([
    "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=tfg-test-ca -keyout {$q('ca.key')} -out {$q('ca.pem')} -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign",
    "openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout {$q('srv.key')} -out {$q('srv.csr')}",
    "openssl x509 -req -days 1 -in {$q('srv.csr')} -CA {$q('ca.pem')} -CAkey {$q('ca.key')} -CAcreateserial -extfile {$q('ext.cnf')} -out {$q('srv.pem')}",
] as $cmd) {
    exec("$cmd 2>/dev/null", $out, $rc);
    if ($rc !== 0) {
        die("openssl failed: $cmd\n");
    }
}
file_put_contents("$dir/not-pem.txt", "hello\n");

$ctx = stream_context_create(['ssl' => ['local_cert' => "$dir/srv.pem", 'local_pk' => "$dir/srv.key"]]);
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $error, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$port = explode(':', stream_socket_get_name($server, false))[1];

$pid = pcntl_fork();
if ($pid === 0) {
    // An HTTPS signal-cli: answers JSON-RPC until it has delivered one message or 8 s passed.
    $until = microtime(true) + 8;
    while (microtime(true) < $until) {
        $conn = @stream_socket_accept($server, 1);
        if (!$conn) {
            continue;                       // includes handshakes the client refused
        }
        $request = '';
        while (!str_contains($request, "\r\n\r\n") || strlen($request) < strpos($request, "\r\n\r\n") + 4
            + (preg_match('/content-length:\s*(\d+)/i', $request, $m) ? (int)$m[1] : 0)) {
            $chunk = fread($conn, 8192);
            if ($chunk === '' || $chunk === false) {
                break;
            }
            $request .= $chunk;
        }
        $sent = str_contains($request, '"method":"send"');
        $body = $sent ? '{"jsonrpc":"2.0","result":{"timestamp":1},"id":"x"}' : '{"jsonrpc":"2.0","result":{"version":"0.13.9"},"id":"version"}';
        fwrite($conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " . strlen($body) . "\r\nConnection: close\r\n\r\n$body");
        fclose($conn);
        if ($sent) {
            exit(0);
        }
    }
    exit(1);
}
fclose($server);

function attempt(string $what, array $config): void
{
    try {
        (new Signal($config))->send('+4917612345678', '123456 is your Nextcloud authentication code');
        echo "$what: sent\n";
    } catch (GatewayException $e) {
        echo "$what: ", substr(get_class($e), 27), ' ', preg_replace('/:\d+/', ':PORT', $e->getMessage()), "\n";
    }
}

$url = "https://127.0.0.1:$port";
attempt('system CAs only', ['url' => $url, 'timeout' => 3]);
attempt('missing CA file', ['url' => $url, 'ca_file' => "$dir/nope.pem"]);
attempt('CA file without PEM', ['url' => $url, 'ca_file' => "$dir/not-pem.txt"]);
attempt('with the CA file', ['url' => $url, 'ca_file' => "$dir/ca.pem", 'timeout' => 3]);

pcntl_waitpid($pid, $status);
echo 'server exit ', pcntl_wexitstatus($status), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
system CAs only: NetworkException Signal: cannot connect to https://127.0.0.1:PORT: invalid peer certificate: UnknownIssuer
missing CA file: ConfigurationException cannot read the CA file '%s/nope.pem': no such file
CA file without PEM: ConfigurationException the CA file '%s/not-pem.txt' holds no PEM certificate
with the CA file: sent
server exit 0
