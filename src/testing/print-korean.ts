/** For spawn.test.ts: writes many Korean characters (3 bytes each in UTF-8) so that pipe chunks split some of them. */
const line = `${'성과관리'.repeat(2000)}\n`;
const lines = Number(process.argv[2] ?? 40);
process.stdout.write(line.repeat(lines));
process.stderr.write(line.repeat(lines));
console.log('준비됨');
