--TEST--
README: the SMS provider table is the one generated from the schema (make docs)
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
require __DIR__ . '/../../scripts/sms-providers-doc.php';
$readme = file_get_contents(__DIR__ . '/../../README.md');
$expected = "<!-- sms-providers:begin -->\n" . sms_providers_table() . "<!-- sms-providers:end -->";
var_dump(str_contains($readme, $expected));
// Every provider is in it, with its required settings in bold.
var_dump(substr_count($readme, "\n| `") >= count(TwoFactorGateway\Sms::providers()));
var_dump(str_contains($readme, '| `sms77io` | seven (formerly sms77.io) | **`api_key`** 🔒'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
