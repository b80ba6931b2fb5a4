// A real WordPress for the tests, from Debian's packages: MariaDB and Apache (with PHP) started
// for this run only, on 127.0.0.1 only, with everything they write in one temporary folder. Nothing
// of the system's changes: Debian's WordPress would read its settings from /etc/wordpress, so the
// run serves a WordPress root of its own, which holds copies of WordPress's few top-level scripts
// (each finds its settings beside itself), links to the rest and its own wp-config.php. Posts go
// through the REST API with application passwords, one per role, as a blogger's editor or script
// would send them.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../browser/harness.mjs';

const WORDPRESS = '/usr/share/wordpress';
const CONTENT = '/var/lib/wordpress/wp-content';
const MODULES = '/usr/lib/apache2/modules';
const BIN = { install: '/usr/bin/mariadb-install-db', mariadbd: '/usr/sbin/mariadbd', mariadb: '/usr/bin/mariadb',
              apache: '/usr/sbin/apache2', php: '/usr/bin/php' };
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const root = process.getuid() === 0;

// A server of the run's: its failure to start is an error, and stopping it waits for its exit.
function start(what, cmd, args, options) {
  const child = spawn(cmd, args, { stdio: 'ignore', ...options });
  child.failure = null;
  child.on('error', (e) => { child.failure = new Error(`${what} cannot start: ${e.message}`); });
  child.stop = () => new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null || child.failure) return ok();
    child.once('exit', () => ok());
    child.kill();
    setTimeout(() => { child.kill('SIGKILL'); ok(); }, 10000).unref();
  });
  return child;
}

async function waitFor(what, child, check, log) {
  for (let i = 0; i < 150; i++) {
    if (child.failure) throw child.failure;
    if (child.exitCode !== null) break;
    try { if (await check()) return; } catch {}
    await sleep(100);
  }
  let tail = '';
  try { tail = execFileSync('tail', ['-c', '1500', log]).toString(); } catch {}
  throw new Error(`${what} did not start:\n${tail}`);
}

// Whatever the run leaves if it is stopped short (an interrupted test): stopped on the way out.
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { for (const c of running) c.kill('SIGKILL'); process.exit(130); });
process.once('exit', () => { for (const c of running) c.kill('SIGKILL'); });

export async function startWordPress() {
  for (const [path, pkg] of [[join(WORDPRESS, 'wp-load.php'), 'wordpress'], [BIN.mariadbd, 'mariadb-server'],
    [BIN.apache, 'apache2'], [join(MODULES, 'libphp8.2.so'), 'libapache2-mod-php'], [BIN.php, 'php-cli'],
    [join(CONTENT, 'themes/twentytwentythree'), 'wordpress-theme-twentytwentythree']])
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg}`);
  const dir = mkdtempSync(join(tmpdir(), 'likeloss-wordpress-'));
  chmodSync(dir, 0o755);  // MariaDB and Apache's PHP run as their own users when started by root
  const [dbPort, webPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${webPort}`;
  const children = [];
  const stop = async () => {
    for (const child of children.reverse()) { await child.stop(); running.delete(child); }
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    // MariaDB: a fresh data folder, TCP on loopback only. As root it runs as Debian's mysql user
    // (which also leaves the PAM tool's folder as Debian's package set it).
    const user = root ? ['--user=mysql'] : [];
    execFileSync(BIN.install, ['--no-defaults', `--datadir=${dir}/db`, ...user, '--auth-root-authentication-method=normal',
      '--skip-test-db'], { stdio: 'pipe' });
    // Its socket, pid file and log in its data folder, which is its user's.
    const dbLog = join(dir, 'db', 'error.log');
    const db = start('MariaDB', BIN.mariadbd, ['--no-defaults', `--datadir=${dir}/db`, `--socket=${dir}/db/mysqld.sock`,
      `--port=${dbPort}`, '--bind-address=127.0.0.1', ...user, `--pid-file=${dir}/db/mysqld.pid`, '--skip-log-bin',
      `--log-error=${dbLog}`]);
    children.push(db);
    running.add(db);
    const sql = (q) => execFileSync(BIN.mariadb, ['--no-defaults', '-S', `${dir}/db/mysqld.sock`, '-uroot', '-e', q], { stdio: 'pipe' });
    await waitFor('MariaDB', db, () => (sql('SELECT 1'), true), dbLog);
    sql("CREATE DATABASE wp; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp-pw'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';");

    // The run's WordPress root: WordPress's top-level scripts copied (they look for wp-config.php
    // beside themselves), the rest linked, and the run's settings: local (application passwords
    // need HTTPS or that), no cron, no updates.
    const site = join(dir, 'wordpress');
    mkdirSync(site);
    for (const entry of readdirSync(WORDPRESS)) {
      if (entry === 'wp-config.php' || entry === '.htaccess') continue;
      if (entry.endsWith('.php')) copyFileSync(join(WORDPRESS, entry), join(site, entry));
      else symlinkSync(join(WORDPRESS, entry), join(site, entry));
    }
    const salt = () => Math.random().toString(36).slice(2);
    writeFileSync(join(site, 'wp-config.php'), `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp-pw'); define('DB_HOST', '127.0.0.1:${dbPort}');
define('WP_HOME', '${origin}'); define('WP_SITEURL', '${origin}');
define('WP_CONTENT_DIR', '${CONTENT}'); define('WPMU_PLUGIN_DIR', '${dir}/mu-plugins');
define('WP_ENVIRONMENT_TYPE', 'local'); define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true);
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define('${k}', '${salt()}');`).join('\n')}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
`);
    // WordPress fetches other sites (oEmbed discovery) only from public addresses on ports 80, 443
    // and 8080: the widget's server here is on loopback, on a port of its own.
    mkdirSync(join(dir, 'mu-plugins'));
    writeFileSync(join(dir, 'mu-plugins', 'loopback.php'), `<?php
add_filter('http_request_args', function ($args) { $args['reject_unsafe_urls'] = false; return $args; });
`);

    // Apache with mod_php, serving that root and nothing else.
    const webLog = join(dir, 'apache-error.log');
    writeFileSync(join(dir, 'apache.conf'), `ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:${webPort}
PidFile ${dir}/apache.pid
Mutex file:${dir}
ErrorLog ${webLog}
LogLevel warn
${['mpm_prefork', 'authz_core', 'dir', 'mime', 'alias'].map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n')}
LoadModule php_module ${MODULES}/libphp8.2.so
${root ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
DocumentRoot ${site}
Alias /wp-content ${CONTENT}
DirectoryIndex index.php
<Directory />
  Require all denied
</Directory>
<Directory ${site}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory ${WORDPRESS}>
  Require all granted
</Directory>
<Directory ${CONTENT}>
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`);
    // In a process group of its own: stopping, Apache signals its whole group.
    const apache = start('Apache', BIN.apache, ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'],
      { env: { ...process.env, APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir }, detached: true });
    children.push(apache);
    running.add(apache);
    await waitFor('Apache', apache, async () => (await fetch(origin + '/wp-login.php', { redirect: 'manual' })).status > 0, webLog);

    // Installed with the block theme WordPress 6.1 ships as its default, and one user per role,
    // each with an application password.
    writeFileSync(join(dir, 'install.php'), `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${webPort}';
define('WP_INSTALLING', true);
function wp_mail() { return true; }  // no mail server here
require '${site}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Ma3lomat', 'admin', 'admin@example.org', false, '', 'admin-' . wp_generate_password(20, false));
switch_theme('twentytwentythree');
$out = ['version' => $GLOBALS['wp_version'], 'theme' => wp_get_theme()->get('Name') . ' ' . wp_get_theme()->get('Version')];
foreach (['editor', 'author', 'contributor'] as $role) {
  $id = wp_create_user($role, wp_generate_password(20, false), $role . '@example.org');
  (new WP_User($id))->set_role($role);
}
foreach (['admin', 'editor', 'author', 'contributor'] as $login) {
  list($password) = WP_Application_Passwords::create_new_application_password(get_user_by('login', $login)->ID, ['name' => 'likeloss tests']);
  $out['passwords'][$login] = $password;
}
echo json_encode($out);
`);
    const installed = JSON.parse(execFileSync(BIN.php, [join(dir, 'install.php')], { stdio: ['ignore', 'pipe', 'pipe'] }).toString());

    // The REST API as a client sends to it, authenticated by a user's application password.
    async function rest(user, route, { method = 'GET', body } = {}) {
      const auth = Buffer.from(`${user}:${installed.passwords[user]}`).toString('base64');
      const res = await fetch(`${origin}/?rest_route=${route}`, {
        method, body: body && JSON.stringify(body),
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      });
      const answer = await res.json();
      if (!res.ok) throw new Error(`${method} ${route} as ${user}: HTTP ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      return answer;
    }
    return {
      origin,
      version: `WordPress ${installed.version}, ${installed.theme}`,
      rest,
      // Publishes a post as `user` ('admin', 'editor', 'author'); its address and stored content.
      async publish(user, title, content) {
        const post = await rest(user, '/wp/v2/posts', { method: 'POST', body: { title, content, status: 'publish' } });
        const stored = await rest('admin', `/wp/v2/posts/${post.id}&context=edit`);
        return { link: post.link, id: post.id, stored: stored.content.raw };
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
