<?php
/** @var \OCP\IL10N $l */
style('twofactor_gateway', 'login');
?>
<img class="two-factor-icon" src="<?php print_unescaped(image_path('twofactor_gateway', 'app.svg')); ?>" alt="">
<p><?php p($l->t('Error while sending the Message. Please try again later or contact the administrator.')); ?></p>
<p><a href="?resend=1"><?php p($l->t('Try again')); ?></a></p>
