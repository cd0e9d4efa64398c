<?php
// Prints the README's SMS provider table from the extension's schema (TwoFactorGateway\Sms::providers()).
// `make docs` writes it into README.md between the sms-providers markers; tests/phpt/017 checks that
// the README is current. Run: php -d extension=target/release/libtwofactor_gateway.so scripts/sms-providers-doc.php

declare(strict_types=1);

function sms_providers_table(): string
{
    $out = "| id (`sms_provider_name`) | provider | settings (`<id>_<key>`; **bold** = required, 🔒 = secret) |\n|---|---|---|\n";
    foreach (TwoFactorGateway\Sms::providers() as $p) {
        $fields = [];
        foreach ($p['fields'] as $f) {
            if ($f['advanced'] && $f['key'] !== 'api_url') {
                continue; // the transport fields, the same for all: listed once below the table
            }
            $required = !$f['optional'] && $f['default'] === null;
            $key = $required ? "**`{$f['key']}`**" : "`{$f['key']}`";
            $note = $f['secret'] ? ' 🔒' : '';
            if ($f['kind'] === 'choice') {
                $note .= ' (' . implode(', ', array_map(fn ($c) => "`{$c['value']}`", $f['choices'])) . ')';
            } elseif ($f['default'] !== null) {
                $note .= " (default `{$f['default']}`)";
            }
            $fields[] = $key . $note;
        }
        $out .= "| `{$p['id']}` | {$p['name']} | " . implode(', ', $fields) . " |\n";
    }
    return $out;
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $table = sms_providers_table();
    if (($argv[1] ?? '') === '--write') {
        $readme = __DIR__ . '/../README.md';
        $text = file_get_contents($readme);
        $begin = "<!-- sms-providers:begin -->\n";
        $end = "<!-- sms-providers:end -->";
        $from = strpos($text, $begin);
        $to = strpos($text, $end);
        if ($from === false || $to === false) {
            fwrite(STDERR, "README.md has no sms-providers markers\n");
            exit(1);
        }
        file_put_contents($readme, substr($text, 0, $from + strlen($begin)) . $table . substr($text, $to));
        echo "README.md: SMS provider table written\n";
    } else {
        echo $table;
    }
}
