--TEST--
Sms: providers() lists every provider with its schema; constructor validation
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
use TwoFactorGateway\Sms;
use TwoFactorGateway\Exception\ConfigurationException;

$providers = Sms::providers();
echo count($providers), " providers\n";
echo implode(' ', array_column($providers, 'id')), "\n";
$kinds = ['text', 'secret', 'url', 'integer', 'boolean', 'choice'];
foreach ($providers as $p) {
    assert(array_keys($p) === ['id', 'name', 'fields']);
    assert(is_string($p['name']) && $p['name'] !== '');
    $keys = array_column($p['fields'], 'key');
    // Every provider ends with the transport fields; no provider has a 'provider' field.
    assert(array_slice($keys, -3) === ['connect_timeout', 'timeout', 'ca_file'], $p['id']);
    assert(!in_array('provider', $keys, true));
    foreach ($p['fields'] as $f) {
        assert(in_array($f['kind'], $kinds, true));
        assert($f['secret'] === ($f['kind'] === 'secret'));
    }
    $required = array_column(array_filter($p['fields'], fn ($f) => !$f['optional'] && $f['default'] === null), 'key');
    $secret = array_column(array_filter($p['fields'], fn ($f) => $f['secret']), 'key');
    printf("%-19s %-26s required: %s; secret: %s%s\n", $p['id'], $p['name'], implode(',', $required),
        implode(',', $secret), in_array('api_url', $keys, true) ? '; api_url' : '');
}
var_dump(Sms::id());
echo json_encode($providers[array_search('ovh', array_column($providers, 'id'))]['fields'][0]['choices'][0]), "\n";

function attempt(array $config): void
{
    try {
        $sms = new Sms($config);
        echo "ok: ", $sms->provider(), "\n";
    } catch (ConfigurationException $e) {
        echo $e->getCode(), ': ', $e->getMessage(), "\n";
    }
}
attempt([]);
attempt(['provider' => 'nope']);
attempt(['provider' => 'sms77io', 'api_key' => 'sekret-seven-key']);
attempt(['provider' => 'sms77io', 'api_key' => '', 'apikey' => 'sekret-typo']);
attempt(['provider' => 'ovh', 'endpoint' => 'ovh-mars']);
?>
--EXPECT--
20 providers
playsms smsglobal websms_de puzzel ecallsms voipms voipbuster sms77io ovh spryngsms clickatell_central clickatell_portal clicksend serwersms smsapi clockworksms sipgate huawei_e3531 cegedim_vortext custom
playsms             PlaySMS                    required: url,user,password; secret: password
smsglobal           SMSGlobal                  required: user,password; secret: password
websms_de           WebSMS.de                  required: user,password; secret: password; api_url
puzzel              Puzzel SMS                 required: url,user,password,serviceid; secret: password
ecallsms            EcallSMS                   required: username,password,sender; secret: password; api_url
voipms              VoIP.ms                    required: api_user,api_password,did; secret: api_password; api_url
voipbuster          Voipbuster                 required: api_user,api_password,did; secret: api_password; api_url
sms77io             seven (formerly sms77.io)  required: api_key; secret: api_key; api_url
ovh                 OVH                        required: endpoint,application_key,application_secret,consumer_key,account,sender; secret: application_secret,consumer_key; api_url
spryngsms           Spryng                     required: apitoken; secret: apitoken; api_url
clickatell_central  Clickatell Central         required: api,user,password; secret: password; api_url
clickatell_portal   Clickatell Portal          required: apikey; secret: apikey; api_url
clicksend           ClickSend                  required: user,apikey; secret: apikey; api_url
serwersms           SerwerSMS                  required: login,password,sender; secret: password; api_url
smsapi              SMSAPI                     required: token; secret: token; api_url
clockworksms        ClockworkSMS               required: apitoken; secret: apitoken; api_url
sipgate             SipGate                    required: token_id,access_token,web_sms_extension; secret: access_token; api_url
huawei_e3531        Huawei E3531               required: ; secret: 
cegedim_vortext     Cegedim.Cloud Vortext      required: user,password,endpoint; secret: password; api_url
custom              Custom HTTP API            required: url; secret: headers,password
string(3) "sms"
{"value":"ovh-eu","label":"OVH Europe"}
100: SMS configuration is invalid: 'provider' is required
100: SMS configuration is invalid: 'provider' 'nope' is not one of playsms, smsglobal, websms_de, puzzel, ecallsms, voipms, voipbuster, sms77io, ovh, spryngsms, clickatell_central, clickatell_portal, clicksend, serwersms, smsapi, clockworksms, sipgate, huawei_e3531, cegedim_vortext, custom
ok: sms77io
100: seven (formerly sms77.io) configuration is invalid: 'apikey' is not a seven (formerly sms77.io) setting; 'api_key' is required
100: OVH configuration is invalid: 'endpoint' must be one of: ovh-eu, ovh-us, ovh-ca, kimsufi-eu, kimsufi-ca, soyoustart-eu, soyoustart-ca, runabove-ca; 'application_key' is required; 'application_secret' is required; 'consumer_key' is required; 'account' is required; 'sender' is required
