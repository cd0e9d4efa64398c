<?php
/** @var array $_ */
$gateway = $_['gateway'];
?>
<input type="hidden" id="twofactor-gateway-<?php p($gateway); ?>-is-complete" value="<?php p($_['configured'] ? '1' : '0'); ?>">
<div id="twofactor-gateway-<?php p($gateway); ?>" class="twofactor-gateway-settings"
	data-gateway="<?php p($gateway); ?>"
	data-name="<?php p($_['name']); ?>"
	data-phone="<?php p($_['phone'] ? '1' : '0'); ?>"
	data-prefill="<?php p($_['prefill']); ?>"
	data-instructions="<?php p($_['instructions']); ?>"></div>
