--TEST--
Stubs: the hand-written exception stubs match the loaded extension
--EXTENSIONS--
twofactor_gateway
--FILE--
<?php
$stub = file_get_contents(__DIR__ . '/../../php/stubs/exceptions.stubs.php');
$generated = file_get_contents(__DIR__ . '/../../php/stubs/twofactor_gateway.stubs.php');
$problems = 0;
foreach ((new ReflectionExtension('twofactor_gateway'))->getClasses() as $class) {
    $name = $class->getName();
    if (!str_starts_with($name, 'TwoFactorGateway\Exception\\')) {
        if (!str_contains($generated, 'class ' . $class->getShortName() . ' ')) {
            echo "$name missing from the generated stubs\n";
            $problems++;
        }
        continue;
    }
    $parent = $class->getParentClass()->getName();
    $parentShort = str_starts_with($parent, 'TwoFactorGateway\\') ? substr($parent, 27) : '\\' . $parent;
    if (!str_contains($stub, "class {$class->getShortName()} extends $parentShort {")) {
        echo "$name extends $parent: not so in the stub\n";
        $problems++;
    }
    if ($class->hasConstant('CODE') && !preg_match('/class ' . $class->getShortName() . ' [^}]*const CODE = ' . $class->getConstant('CODE') . ';/s', $stub)) {
        echo "$name::CODE differs in the stub\n";
        $problems++;
    }
    foreach ($class->getProperties(ReflectionProperty::IS_PUBLIC) as $p) {
        if (!str_contains($stub, '$' . $p->getName())) {
            echo "$name::\${$p->getName()} missing from the stub\n";
            $problems++;
        }
    }
}
echo "$problems problems\n";
?>
--EXPECT--
0 problems
