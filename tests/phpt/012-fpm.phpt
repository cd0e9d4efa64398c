--TEST--
php-fpm: extension loaded by the master, sends in every worker (lazy per-process HTTP clients)
--EXTENSIONS--
twofactor_gateway
--SKIPIF--
<?php
if (!getenv('TFG_MOCK_URL') || !getenv('TFG_EXTENSION')) die('skip needs the mock gateway (make test)');
if (!is_executable('/usr/sbin/php-fpm8.2') || !trim((string)shell_exec('command -v cgi-fcgi'))) die('skip needs php8.2-fpm and libfcgi-bin');
?>
--FILE--
<?php
$dir = sys_get_temp_dir() . '/tfg-fpm-' . getmypid();
@mkdir($dir);
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = explode(':', stream_socket_get_name($probe, false))[1];
fclose($probe);

file_put_contents("$dir/send.php", <<<'PHP'
<?php
$signal = new TwoFactorGateway\Signal(['url' => getenv('TFG_MOCK_URL') . '/rest2/fpm', 'timeout' => 3]);
$started = microtime(true);
try {
    $signal->send('+4917612345678', 'via fpm');
    printf("sent pid=%d fast=%s\n", getmypid(), microtime(true) - $started < 1 ? 'yes' : 'no');
} catch (Throwable $e) {
    echo 'failed: ', get_class($e), ': ', $e->getMessage(), "\n";
}
PHP);
file_put_contents("$dir/fpm.conf", <<<CONF
[global]
pid = $dir/fpm.pid
error_log = $dir/fpm.log
daemonize = no
[www]
listen = 127.0.0.1:$port
pm = static
pm.max_children = 2
clear_env = no
catch_workers_output = yes
CONF);

// The master loads the extension (as Debian's conf.d does), then forks the workers.
$fpm = proc_open(['/usr/sbin/php-fpm8.2', '-n', '-R', '-F', '-y', "$dir/fpm.conf", '-d', 'extension=' . getenv('TFG_EXTENSION')],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/out.log", 'w'], 2 => ['file', "$dir/out.log", 'a']], $pipes);
for ($i = 0; $i < 50 && !@fsockopen('127.0.0.1', (int)$port); $i++) {
    usleep(100000);
}

$pids = [];
$lines = [];
for ($i = 0; $i < 12; $i++) {
    $answer = shell_exec('SCRIPT_FILENAME=' . escapeshellarg("$dir/send.php") . ' REQUEST_METHOD=GET cgi-fcgi -bind -connect 127.0.0.1:' . $port . ' 2>&1');
    $body = trim(substr($answer, strpos($answer, "\r\n\r\n") + 4));
    if (preg_match('/^sent pid=(\d+) fast=yes$/', $body, $m)) {
        $pids[$m[1]] = true;
        $lines[] = 'sent';
    } else {
        $lines[] = $body;
    }
}
proc_terminate($fpm);
proc_close($fpm);

echo implode("\n", array_count_values($lines) === ['sent' => 12] ? ['12 requests sent, each in under 1 s'] : $lines), "\n";
echo count($pids) >= 1 ? "served by " . (count($pids) === 2 ? 'both workers' : 'one worker') . "\n" : "no worker answered\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
12 requests sent, each in under 1 s
served by %s
