--TEST--
Signal: constructor validation and the field schema
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\Signal;
use TwoFactorGateway\Exception\ConfigurationException;

function attempt(array $config): void
{
    try {
        new Signal($config);
        echo "ok\n";
    } catch (ConfigurationException $e) {
        echo $e->getCode(), ': ', $e->getMessage(), "\n";
    }
}

attempt([]);                                                    // all defaults
attempt(['url' => 'https://signal.example.org/api', 'account' => '+4915112345678']);
attempt(['url' => 'http://127.0.0.1:8080', 'account' => 'unneccessary']);
attempt(['url' => 'http://127.0.0.1:8080', 'timeout' => 30, 'connect_timeout' => '2']); // ints and numeric strings
attempt(['url' => null, 'account' => '']);                      // null and blank mean "not set"
// Every problem at once, no value echoed:
attempt(['url' => 'ftp://x', 'timeout' => 0, 'connect_timeout' => true, 'acount' => 'typo', 'ca_file' => ['x'], 7 => 'x']);
attempt(['url' => "http://h/\xff"]);
attempt(['timeout' => '5s']);
attempt(['ca_file' => '/nonexistent/ca.pem']);                  // only read when sending

echo json_encode(Signal::fields(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
var_dump(Signal::id());
?>
--EXPECT--
ok
ok
ok
ok
ok
100: Signal configuration is invalid: '7' is not a Signal setting; 'acount' is not a Signal setting; 'url' must be an http(s) URL; 'connect_timeout' must be an integer, not a boolean; 'timeout' must be between 1 and 30; 'ca_file' must be a string, not an array
100: Signal configuration is invalid: 'url' must be an http(s) URL, not a string that is not UTF-8
100: Signal configuration is invalid: 'timeout' must be an integer, not a string
ok
[
    {
        "key": "url",
        "prompt": "Signal gateway URL",
        "kind": "url",
        "optional": false,
        "default": "http://localhost:5000",
        "help": "Base URL of signal-cli's HTTP daemon, of signal-cli-rest-api, or of signal-web-gateway.",
        "secret": false,
        "advanced": false
    },
    {
        "key": "account",
        "prompt": "Sending Signal account (phone number)",
        "kind": "text",
        "optional": true,
        "default": null,
        "help": "The number messages are sent from; leave empty when the gateway serves a single account.",
        "secret": false,
        "advanced": false
    },
    {
        "key": "connect_timeout",
        "prompt": "Connect timeout in seconds",
        "kind": "integer",
        "optional": true,
        "default": "3",
        "help": "How long to wait for the connection to the service.",
        "secret": false,
        "advanced": true,
        "min": 1,
        "max": 10
    },
    {
        "key": "timeout",
        "prompt": "Request timeout in seconds",
        "kind": "integer",
        "optional": true,
        "default": "5",
        "help": "How long one request may take in total; at most 30 s, within PHP's max_execution_time.",
        "secret": false,
        "advanced": true,
        "min": 1,
        "max": 30
    },
    {
        "key": "ca_file",
        "prompt": "Extra CA certificate file (PEM)",
        "kind": "text",
        "optional": true,
        "default": null,
        "help": "Trusted in addition to the system CA store, for services behind an internal CA.",
        "secret": false,
        "advanced": true
    }
]
string(6) "signal"
