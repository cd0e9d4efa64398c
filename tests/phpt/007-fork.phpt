--TEST--
Signal: sends in the parent and in children after pcntl_fork() (one HTTP client per process)
--EXTENSIONS--
twofactor_gateway
pcntl
--SKIPIF--
<?php
if (!getenv('TFG_MOCK_URL')) die('skip needs the mock gateway (make test)');
if (!function_exists('pcntl_fork')) die('skip needs pcntl');
?>
--FILE--
<?php
use TwoFactorGateway\Signal;

$url = getenv('TFG_MOCK_URL') . '/rest2/fork';
$signal = new Signal(['url' => $url, 'timeout' => 3]);
$signal->send('+4917612345678', 'parent before fork');   // the parent's client now exists

$children = [];
for ($i = 1; $i <= 3; $i++) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        $started = microtime(true);
        try {
            $signal->send('+4917612345678', "child $i first");          // object from the parent
            (new Signal(['url' => $url]))->send('+4917612345678', "child $i second");
        } catch (Throwable $e) {
            fwrite(STDERR, "child $i: " . get_class($e) . ': ' . $e->getMessage() . "\n");
            exit(1);
        }
        // A client inherited from the parent would wait for the whole timeout (3 s).
        exit(microtime(true) - $started < 1.5 ? 0 : 2);
    }
    $children[] = $pid;
}
foreach ($children as $i => $pid) {
    pcntl_waitpid($pid, $status);
    echo 'child ', $i + 1, ' exit ', pcntl_wexitstatus($status), "\n";
}
$signal->send('+4917612345678', 'parent after fork');

$messages = [];
foreach (file(getenv('TFG_MOCK_DIR') . '/fork.jsonl', FILE_IGNORE_NEW_LINES) as $line) {
    $r = json_decode($line, true);
    if ($r['path'] === '/v2/send') {
        $messages[] = json_decode($r['body'], true)['message'];
    }
}
sort($messages);
echo implode("\n", $messages), "\n";
?>
--EXPECT--
child 1 exit 0
child 2 exit 0
child 3 exit 0
child 1 first
child 1 second
child 2 first
child 2 second
child 3 first
child 3 second
parent after fork
parent before fork
