// A real WordPress for the tests, from Debian's packages: MariaDB and Apache (with PHP) started
// for this run only, on 127.0.0.1 only, with their data in a temporary folder. Debian's WordPress
// reads its settings from /etc/wordpress/config-<name>.php (named by WORDPRESS_CONFIG): the run
// writes its own there and removes it when it stops. Posts go through the REST API with
// application passwords, one per role, as a blogger's editor or script would send them.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDPRESS = '/usr/share/wordpress';
const MODULES = '/usr/lib/apache2/modules';
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// Root writes /etc/wordpress and starts Apache (which serves as www-data); others ask sudo.
const asRoot = (cmd, args, input) =>
  process.getuid() === 0 ? execFileSync(cmd, args, { input }) : execFileSync('sudo', ['-n', cmd, ...args], { input });

async function waitFor(what, check, log) {
  for (let i = 0; i < 150; i++) {
    try { if (await check()) return; } catch {}
    await sleep(100);
  }
  throw new Error(`${what} did not start:\n${log ? readFileSync(log, 'utf8').slice(-1500) : ''}`);
}

export async function startWordPress() {
  for (const [path, pkg] of [[join(WORDPRESS, 'wp-load.php'), 'wordpress'], ['/usr/sbin/mariadbd', 'mariadb-server'],
    ['/usr/sbin/apache2', 'apache2'], [join(MODULES, 'libphp8.2.so'), 'libapache2-mod-php'],
    ['/var/lib/wordpress/wp-content/themes/twentytwentythree', 'wordpress-theme-twentytwentythree']])
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg}`);
  const dir = mkdtempSync(join(tmpdir(), 'likeloss-wordpress-'));
  const [dbPort, webPort] = [await freePort(), await freePort()];
  const name = `likeloss-test-${process.pid}`;
  const config = `/etc/wordpress/config-${name}.php`;
  const origin = `http://127.0.0.1:${webPort}`;
  const stops = [];
  const stop = async () => {
    for (const s of stops.reverse()) { try { await s(); } catch {} }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // MariaDB: a fresh data folder, TCP on loopback only.
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/db`, '--user=root',
      '--auth-root-authentication-method=socket', '--skip-test-db'], { stdio: 'ignore' });
    const dbLog = join(dir, 'db.log');
    const db = spawn('mariadbd', ['--no-defaults', `--datadir=${dir}/db`, `--socket=${dir}/db.sock`, `--port=${dbPort}`,
      '--bind-address=127.0.0.1', '--user=root', `--pid-file=${dir}/db.pid`, '--skip-log-bin', `--log-error=${dbLog}`],
    { stdio: 'ignore' });
    stops.push(() => { db.kill(); });
    const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-S', `${dir}/db.sock`, '-uroot', '-e', q], { stdio: 'pipe' });
    await waitFor('MariaDB', () => (sql('SELECT 1'), true), dbLog);
    sql("CREATE DATABASE wp; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp-pw'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';");

    // WordPress's settings for this run: local (application passwords need HTTPS or that), no cron.
    const salt = () => Math.random().toString(36).slice(2);
    asRoot('tee', [config], `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp-pw'); define('DB_HOST', '127.0.0.1:${dbPort}');
define('WP_HOME', '${origin}'); define('WP_SITEURL', '${origin}');
define('WP_ENVIRONMENT_TYPE', 'local'); define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true);
define('WPMU_PLUGIN_DIR', '${dir}/mu-plugins');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define('${k}', '${salt()}');`).join('\n')}
`);
    stops.push(() => asRoot('rm', ['-f', config]));

    // WordPress fetches other sites (oEmbed discovery) only from public addresses on ports 80, 443
    // and 8080: the widget's server here is on loopback, on a port of its own.
    chmodSync(dir, 0o755);  // Apache's PHP, as www-data, reads the plugin
    mkdirSync(join(dir, 'mu-plugins'));
    writeFileSync(join(dir, 'mu-plugins', 'loopback.php'), `<?php
add_filter('http_request_args', function ($args) { $args['reject_unsafe_urls'] = false; return $args; });
`);

    // Apache with mod_php, serving WordPress and nothing else.
    const webLog = join(dir, 'apache-error.log');
    writeFileSync(join(dir, 'apache.conf'), `ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:${webPort}
PidFile ${dir}/apache.pid
ErrorLog ${webLog}
LogLevel warn
${['mpm_prefork', 'authz_core', 'dir', 'mime', 'env', 'alias'].map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n')}
LoadModule php_module ${MODULES}/libphp8.2.so
${process.getuid() === 0 ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
DocumentRoot ${WORDPRESS}
Alias /wp-content /var/lib/wordpress/wp-content
SetEnv WORDPRESS_CONFIG ${name}
DirectoryIndex index.php
<Directory />
  Require all denied
</Directory>
<Directory ${WORDPRESS}>
  Require all granted
</Directory>
<Directory /var/lib/wordpress/wp-content>
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`);
    const apache = spawn('apache2', ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'],
      { stdio: 'ignore', env: { ...process.env, APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir } });
    stops.push(() => { apache.kill(); });
    await waitFor('Apache', async () => (await fetch(origin + '/wp-login.php', { redirect: 'manual' })).status > 0, webLog);

    // Installed with the block theme WordPress 6.1 ships as its default, and one user per role,
    // each with an application password.
    writeFileSync(join(dir, 'install.php'), `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${webPort}';
define('WP_INSTALLING', true);
function wp_mail() { return true; }  // no mail server here
require '${WORDPRESS}/wp-load.php';
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
    const installed = JSON.parse(execFileSync('php', [join(dir, 'install.php')], {
      env: { ...process.env, WORDPRESS_CONFIG: name }, stdio: ['ignore', 'pipe', 'pipe'],
    }).toString());

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
