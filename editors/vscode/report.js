// "Open the directors' report": `planlint --format html` over the workspace into a
// temporary file, opened in the browser.
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { findPlanlint, folders } = require('./find');

const t = vscode.l10n.t;

function run(command, args, cwd) {
  return new Promise((resolve) => {
    childProcess.execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stderr: String(stderr) });
    });
  });
}

async function directorsReport(output, language) {
  const found = await findPlanlint();
  const folder = folders()[0];
  if (!found || found.exists === false || !folder) {
    vscode.window.showErrorMessage(t('planlint: no planlint executable or workspace folder to report on.'));
    return;
  }
  const page = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-report-')), 'report.html');
  const args = ['check', '--format', 'html', '-o', page, ...(language === 'auto' ? [] : ['--lang', language]), '.'];
  output.appendLine(`${found.command} ${args.join(' ')}`);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('planlint: writing the directors\' report') },
    () => run(found.command, args, folder));
  // Exit status 1 means findings: the report is written all the same.
  if (!fs.existsSync(page)) {
    output.appendLine(result.stderr);
    vscode.window.showErrorMessage(t('planlint could not write the report: {0}', result.stderr.trim()));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.file(page));
}

module.exports = { directorsReport };
