// planlint's VS Code extension: starts `planlint server` over stdio for the YAML
// files that are plans, and adds the commands and status-bar item around it.
'use strict';
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn, State } = require('vscode-languageclient/node');
const { findPlanlint, folders } = require('./find');
const { directorsReport } = require('./report');

const t = vscode.l10n.t;
const RESTART_ON = ['planlint.path', 'planlint.lang', 'planlint.plans'];
let client;
let output;
let status;

function setStatus(state, reason) {
  const icons = { starting: '$(sync~spin)', ready: '$(check)', error: '$(error)' };
  status.text = `${icons[state]} planlint`;
  status.tooltip = { starting: t('planlint: starting'), ready: t('planlint: ready'),
    error: t('planlint: error: {0}', reason || '') }[state];
  status.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

// `auto` asks for Chinese when VS Code speaks it; otherwise the server decides as
// the command line does (the config's `lang`, then the environment).
function language() {
  const chosen = vscode.workspace.getConfiguration('planlint').get('lang', 'auto');
  if (chosen === 'en' || chosen === 'zh') {
    return chosen;
  }
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'auto';
}

function notFound() {
  const open = t('Open setting');
  const message = t('planlint was not found in the workspace\'s .venv or venv, beside the Python extension\'s '
    + 'interpreter, or on PATH. Install it with `pipx install "planlint[lsp]"` (or into the project\'s .venv), '
    + 'or set planlint.path to the executable.');
  vscode.window.showErrorMessage(message, open).then((choice) => {
    if (choice === open) {
      vscode.commands.executeCommand('workbench.action.openSettings', 'planlint.path');
    }
  });
}

async function start() {
  setStatus('starting');
  const found = await findPlanlint();
  if (!found || found.exists === false) {
    const reason = found ? t('planlint.path names {0}, which is not a file', found.command) : t('planlint not found');
    output.appendLine(reason);
    setStatus('error', reason);
    if (found) {
      vscode.window.showErrorMessage(reason);
    } else {
      notFound();
    }
    return;
  }
  output.appendLine(`planlint: ${found.command} (${found.how}); trusted: ${vscode.workspace.isTrusted}`);
  const patterns = vscode.workspace.getConfiguration('planlint').get('plans', []);
  client = new LanguageClient('planlint', 'planlint', {
    command: found.command, args: ['server'], options: { cwd: folders()[0] },
  }, {
    documentSelector: patterns.map((pattern) => ({ scheme: 'file', language: 'yaml', pattern })),
    initializationOptions: { lang: language(), trusted: vscode.workspace.isTrusted },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  });
  client.onDidChangeState((event) => {
    if (event.newState === State.Stopped && event.oldState === State.Running) {
      setStatus('error', t('the server stopped'));
    }
  });
  try {
    await client.start();
    setStatus('ready');
  } catch (error) {
    output.appendLine(String(error && error.stack ? error.stack : error));
    setStatus('error', error && error.message ? error.message : String(error));
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`stopping the server: ${error}`);
    }
  }
}

async function restart() {
  await stop();
  await start();
}

// The server's "fix all safe problems" action for the active plan, applied.
async function fixAll() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await client.sendRequest('textDocument/codeAction', {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    range: client.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  const action = (actions || []).find((a) => a.edit);
  if (!action) {
    vscode.window.showInformationMessage(t('planlint: nothing in this file has a safe fix.'));
    return;
  }
  await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(action.edit));
}

function activate(context) {
  output = vscode.window.createOutputChannel('planlint');
  status = vscode.window.createStatusBarItem('planlint.status', vscode.StatusBarAlignment.Left, 0);
  status.name = 'planlint';
  status.command = 'planlint.showOutput';
  const command = vscode.commands.registerCommand;
  context.subscriptions.push(output, status,
    command('planlint.restart', restart),
    command('planlint.showOutput', () => output.show(true)),
    command('planlint.fixAll', fixAll),
    command('planlint.directorsReport', () => directorsReport(output, language())),
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_ON.some((name) => event.affectsConfiguration(name))) {
        restart();
      }
    }));
  return start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
