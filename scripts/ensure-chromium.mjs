// The browser tests drive Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium). On a
// machine without it, installs it with apt when running as root; otherwise stops with the one
// command to run.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function found() {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (!found()) {
  const command = 'apt-get install -y --no-install-recommends chromium';
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${path} is not an executable file: point CHROMIUM_PATH at Chromium, or unset it and run  sudo ${command}`);
    process.exit(1);
  }
  if (process.getuid?.() !== 0) {
    console.error(`The browser tests need Chromium at ${path}. Install it with:  sudo ${command}`);
    process.exit(1);
  }
  console.log(`Chromium not found at ${path}: installing it (${command})…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', command.split(' ').slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.error(`Installing Chromium failed. Install it with:  ${command}  (or set CHROMIUM_PATH to a Chromium binary)`);
    process.exit(1);
  }
  if (!found()) {
    console.error(`apt installed chromium but ${path} is still missing: set CHROMIUM_PATH to the Chromium binary.`);
    process.exit(1);
  }
}
