<?php
/** @var array $_ */
/** @var \OCP\IL10N $l */
$token = (string)($_['requesttoken'] ?? '');
?>
<img class="two-factor-icon" src="<?php print_unescaped(image_path('twofactor_gateway', 'app.svg')); ?>" alt="">
<?php if (!$_['configured']) { ?>
<p><?php p($l->t('%s is not set up on this server yet. Please choose another method or contact your administrator.', [$_['name']])); ?></p>
<?php } else { ?>
<?php if ($_['message'] !== '') { ?>
<p class="two-factor-gateway-message warning"><?php p($_['message']); ?></p>
<?php } ?>
<?php if ($_['pending'] === '') { ?>
<p><?php p($_['instructions']); ?></p>
<form method="POST" action="<?php p($_['startUrl']); ?>" class="two-factor-gateway-setup">
	<input type="hidden" name="requesttoken" value="<?php p($token); ?>">
	<input type="text" name="identifier" required="required" autofocus
		<?php if ($_['phone']) { ?>autocomplete="tel" inputmode="tel"<?php } ?>
		value="<?php p($_['prefill']); ?>" aria-label="<?php p($_['name']); ?>">
	<button class="primary" type="submit"><?php p($l->t('Send code')); ?></button>
</form>
<?php } else { ?>
<p><?php p($l->t('A verification code has been sent to %s', [$_['pending']])); ?></p>
<form method="POST" action="<?php p($_['finishUrl']); ?>" class="two-factor-gateway-setup">
	<input type="hidden" name="requesttoken" value="<?php p($token); ?>">
	<input type="text" name="verificationCode" required="required" autofocus
		autocomplete="one-time-code" inputmode="numeric" minlength="6" maxlength="12"
		placeholder="<?php p($l->t('Verification code')); ?>">
	<button class="primary" type="submit"><?php p($l->t('Verify')); ?></button>
</form>
<form method="POST" action="<?php p($_['restartUrl']); ?>" class="two-factor-gateway-restart">
	<input type="hidden" name="requesttoken" value="<?php p($token); ?>">
	<button type="submit"><?php p($l->t('Use another identifier')); ?></button>
</form>
<?php } ?>
<?php } ?>
