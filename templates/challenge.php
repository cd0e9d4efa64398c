<?php
/** @var array $_ */
/** @var \OCP\IL10N $l */
style('twofactor_gateway', 'login');
$wait = (int)$_['waitSeconds'];
?>
<img class="two-factor-icon" src="<?php print_unescaped(image_path('twofactor_gateway', 'app.svg')); ?>" alt="">
<p><?php p($l->t('An access code has been sent to %s', [$_['identifier']])); ?></p>
<form method="POST" class="challenge-form">
	<input type="text" class="challenge" name="challenge" required="required" autofocus
		autocomplete="one-time-code" inputmode="numeric" minlength="6" maxlength="12"
		placeholder="<?php p($l->t('Authentication code')); ?>">
	<button class="primary two-factor-submit" type="submit"><?php p($l->t('Submit')); ?></button>
</form>
<p class="two-factor-gateway-resend">
<?php if ($wait > 0) { ?>
	<?php p($l->n('No code? You can ask for a new one in %n second.', 'No code? You can ask for a new one in %n seconds.', $wait)); ?>
<?php } else { ?>
	<a href="?resend=1"><?php p($l->t('Send a new code')); ?></a>
<?php } ?>
</p>
