// Where the planlint executable is: the `planlint.path` setting, else the
// workspace's virtual environment, else the Python extension's interpreter, else
// PATH. VS Code starts servers with the login shell's PATH, so a venv's planlint
// is not on it: looking beside the interpreters the user works with is what makes
// "install it in the project's venv" enough.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');

const WINDOWS = process.platform === 'win32';
const VENVS = ['.venv', 'venv'];

function isFile(candidate) {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function folders() {
  return (vscode.workspace.workspaceFolders || []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

function fromSetting(setting) {
  let named = setting.replace(/^~(?=$|[\\/])/, os.homedir());
  if (!path.isAbsolute(named) && folders().length) {
    named = path.join(folders()[0], named);
  }
  return { command: named, how: 'planlint.path', exists: isFile(named) };
}

function inVenv() {
  // A workspace's own executables are its authors' code: only in a trusted workspace.
  if (!vscode.workspace.isTrusted) {
    return undefined;
  }
  for (const folder of folders()) {
    for (const venv of VENVS) {
      const candidate = WINDOWS ? path.join(folder, venv, 'Scripts', 'planlint.exe')
        : path.join(folder, venv, 'bin', 'planlint');
      if (isFile(candidate)) {
        return { command: candidate, how: venv };
      }
    }
  }
  return undefined;
}

async function besidePython() {
  const extension = vscode.extensions.getExtension('ms-python.python');
  if (!extension || !vscode.workspace.isTrusted) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    const resource = folders().length ? vscode.Uri.file(folders()[0]) : undefined;
    let python = api.environments ? api.environments.getActiveEnvironmentPath(resource).path : undefined;
    if (!python && api.settings) {
      const details = api.settings.getExecutionDetails(resource);
      python = details && details.execCommand ? details.execCommand[0] : undefined;
    }
    const candidate = python ? path.join(path.dirname(python), WINDOWS ? 'planlint.exe' : 'planlint') : undefined;
    return candidate && isFile(candidate) ? { command: candidate, how: 'Python extension' } : undefined;
  } catch {
    return undefined;
  }
}

function onPath() {
  const suffixes = WINDOWS ? (process.env.PATHEXT || '.EXE').split(';') : [''];
  for (const folder of (process.env.PATH || '').split(path.delimiter).filter(Boolean)) {
    for (const suffix of suffixes) {
      const candidate = path.join(folder, `planlint${suffix}`);
      if (isFile(candidate)) {
        return { command: candidate, how: 'PATH' };
      }
    }
  }
  return undefined;
}

// {command, how, exists?} or undefined when nothing is found.
async function findPlanlint() {
  const setting = vscode.workspace.getConfiguration('planlint').get('path', '').trim();
  if (setting) {
    return fromSetting(setting);
  }
  return inVenv() || (await besidePython()) || onPath();
}

module.exports = { findPlanlint, folders };
