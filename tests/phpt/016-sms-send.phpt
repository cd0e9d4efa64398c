--TEST--
Sms: one send per provider through the extension to its loopback mock, and one failure each
--EXTENSIONS--
twofactor_gateway
--SKIPIF--
<?php if (!getenv('TFG_MOCK_URL')) die('skip needs the mock gateway (make test)'); ?>
--FILE--
<?php
use TwoFactorGateway\Sms;
use TwoFactorGateway\Exception\GatewayException;

const MESSAGE = '123456 is your Nextcloud authentication code';
$fixtures = dirname(__DIR__) . '/fixtures/sms';

function received(string $provider): array
{
    $file = getenv('TFG_MOCK_DIR') . "/sms-$provider.jsonl";
    $lines = is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [];
    @unlink($file);
    return array_map(fn ($l) => json_decode($l, true), $lines);
}

$failures = 0;
foreach (Sms::providers() as $p) {
    $id = $p['id'];
    if (!is_file("$fixtures/$id.php")) {
        echo "$id: no mock\n";
        $failures++;
        continue;
    }
    $fixture = require "$fixtures/$id.php";
    $config = ['provider' => $id, 'timeout' => 3] + ($fixture['config'])(getenv('TFG_MOCK_URL') . "/sms/$id");
    received($id);
    try {
        (new Sms($config))->send('+49 176 12345678', MESSAGE);
        $got = count(received($id));
        if ($got !== $fixture['requests']) {
            echo "$id: $got requests, expected {$fixture['requests']}\n";
            $failures++;
        }
    } catch (GatewayException $e) {
        echo "$id: ", get_class($e), ': ', $e->getMessage(), "\n";
        $failures++;
    }
    if (isset($fixture['failure'])) {
        try {
            (new Sms($fixture['failure']['config'] + $config))->send('+4917612345678', MESSAGE);
            echo "$id: the failure case was sent\n";
            $failures++;
        } catch (GatewayException $e) {
            $short = substr(strrchr(get_class($e), '\\'), 1);
            $secrets = array_filter($config + $fixture['failure']['config'], fn ($v, $k) => in_array($k, array_column(array_filter($p['fields'], fn ($f) => $f['secret']), 'key'), true), ARRAY_FILTER_USE_BOTH);
            foreach ([...array_values($secrets), '123456'] as $s) {
                if (str_contains($e->getMessage(), (string)$s)) {
                    echo "$id: a secret in: ", $e->getMessage(), "\n";
                    $failures++;
                }
            }
            if ($short !== $fixture['failure']['exception']) {
                echo "$id: $short instead of {$fixture['failure']['exception']}: ", $e->getMessage(), "\n";
                $failures++;
            }
        }
        received($id);
    } else {
        echo "$id: no failure case\n";
        $failures++;
    }
}
echo "failures: $failures\n";
?>
--EXPECT--
failures: 0
