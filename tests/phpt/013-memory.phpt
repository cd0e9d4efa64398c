--TEST--
Memory: no growth over thousands of sends, code checks and thrown exceptions after warm-up
--EXTENSIONS--
twofactor_gateway
--SKIPIF--
<?php if (!is_readable('/proc/self/status')) die('skip needs /proc'); ?>
--FILE--
<?php
use TwoFactorGateway\{Code, Signal};

$mock = proc_open([PHP_BINARY, '-n', __DIR__ . '/../fixtures/keepalive_mock.php', '0'],
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
$port = (int)trim((string)fgets($pipes[1]));
$rss = fn () => preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m) ? (int)$m[1] : 0;
$rss();                              // compiles (and JITs) the pattern before anything is measured

$signal = new Signal(['url' => "http://127.0.0.1:$port/rpc/memory"]);
$key = random_bytes(32);
$round = function (int $n) use ($signal, $key): void {
    for ($i = 0; $i < $n; $i++) {
        $signal->send('+4917612345678', '123456 is your Nextcloud authentication code');
        Code::verify($key, Code::issue($key)['state'], '000000');
        try {
            new Signal(['url' => 'nope', 'timeout' => 0]);
        } catch (TwoFactorGateway\Exception\ConfigurationException $e) {
        }
    }
};
$round(1000);                        // warm-up: HTTP client, runtime thread, allocator pools
$zend = memory_get_usage();
$before = $rss();
for ($r = 0; $r < 3; $r++) {
    $round(1000);
}
$grew = $rss() - $before;
var_dump($grew < 256);               // KiB, over 3000 of each
var_dump(memory_get_usage() - $zend < 4096);
fclose($pipes[0]);
proc_close($mock);
?>
--EXPECT--
bool(true)
bool(true)
