--TEST--
Phone: normalisation to E.164 and refusals
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\Phone;
use TwoFactorGateway\Exception\GatewayException;

foreach ([
    ['+49 176 12345678', null],
    ['0049 (176) 123-456.78', null],
    ['0176/12345678', 'DE'],
    ['0176 12345678', 'de'],
    ['(415) 555-2671', 'US'],
    ['+44 7400 123456', 'US'],
    ['06 12 34 56 78', 'FR'],
    ['0176 12345678', null],
    ['0176 12345678', ''],
    ['1-800-FLOWERS', 'US'],
    ['+49 1', null],
    ['+999 1234567', null],
    ['', 'DE'],
    ["+49 176\0 12345678", null],
    [str_repeat('1', 200), 'DE'],
    ['0176 12345678', 'XX'],
    ["+49 176 \xff", null],
] as [$input, $region]) {
    try {
        $out = Phone::normalize($input, $region);
    } catch (GatewayException $e) {
        $out = get_class($e) . ': ' . $e->getMessage();
    }
    $shown = strlen($input) > 40 ? 'length ' . strlen($input) : $input;
    printf("%s | %s => %s\n", json_encode($shown, JSON_INVALID_UTF8_SUBSTITUTE), json_encode($region), $out);
}
?>
--EXPECT--
"+49 176 12345678" | null => +4917612345678
"0049 (176) 123-456.78" | null => +4917612345678
"0176\/12345678" | "DE" => +4917612345678
"0176 12345678" | "de" => +4917612345678
"(415) 555-2671" | "US" => +14155552671
"+44 7400 123456" | "US" => +447400123456
"06 12 34 56 78" | "FR" => +33612345678
"0176 12345678" | null => TwoFactorGateway\Exception\InvalidIdentifierException: the phone number needs a country code (+…), as no default region is set
"0176 12345678" | "" => TwoFactorGateway\Exception\InvalidIdentifierException: the phone number needs a country code (+…), as no default region is set
"1-800-FLOWERS" | "US" => TwoFactorGateway\Exception\InvalidIdentifierException: a phone number must not contain letters
"+49 1" | null => TwoFactorGateway\Exception\InvalidIdentifierException: this is not a valid phone number
"+999 1234567" | null => TwoFactorGateway\Exception\InvalidIdentifierException: this is not a valid phone number
"" | "DE" => TwoFactorGateway\Exception\InvalidIdentifierException: the phone number is empty
"+49 176\u0000 12345678" | null => TwoFactorGateway\Exception\InvalidIdentifierException: a phone number may hold only digits, a leading +, spaces, dashes, dots, slashes and parentheses
"length 200" | "DE" => TwoFactorGateway\Exception\InvalidIdentifierException: the phone number is too long
"0176 12345678" | "XX" => TwoFactorGateway\Exception\ConfigurationException: the default phone region must be a two-letter country code such as DE or US
"+49 176 \ufffd" | null => TwoFactorGateway\Exception\InvalidIdentifierException: a phone number may hold only digits, a leading +, spaces, dashes, dots, slashes and parentheses
