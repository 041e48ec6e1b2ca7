// Event Harness: the Node.js runtime of a Lambda sandbox, Node's standard library only.
//
// It does what AWS's Node.js runtime does, as seen from the function: loads the handler from the task root
// ("index.handler": index.js, index.mjs or index.cjs; ES modules through import(), CommonJS through require, a .js
// file being a module when its package.json says "type": "module"), speaks the Lambda Runtime API
// (http://$AWS_LAMBDA_RUNTIME_API/2018-06-01), calls the handler with the event and a context object, async or
// with a callback, posts the result as JSON or the error document {"errorType","errorMessage","trace"}, and reports
// load failures as init errors (Runtime.ImportModuleError, Runtime.HandlerNotFound, Runtime.UserCodeSyntaxError,
// Runtime.MalformedHandlerName). console.* writes "<time>\t<request id>\t<LEVEL>\t<message>" as AWS's does, a
// message's line breaks turned into carriage returns so that it stays one log event.
//
// Differences from AWS: a callback's result is sent at once (AWS waits for the event loop to empty unless
// context.callbackWaitsForEmptyEventLoop is false); the AWS SDK for JavaScript that AWS's runtimes include is not
// provided (bundle it with the function).
//
// Started with --spare, it is a spare sandbox: it loads what does not depend on the function, writes the ready
// line (the engine keeps it out of the log) and waits for a line on stdin; only then does it load the handler.
'use strict';

const http = require('http');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');

const PREFIX = '/2018-06-01/runtime';
const SPARE_READY = '\0event-harness: spare ready';
const [API_HOST, API_PORT] = splitAddress(process.env.AWS_LAMBDA_RUNTIME_API || '127.0.0.1:9001');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let currentRequestId;

function splitAddress(address) {
  const colon = address.lastIndexOf(':');
  return [address.substring(0, colon), Number(address.substring(colon + 1))];
}

function request(method, target, body, headers) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
    const req = http.request({ host: API_HOST, port: API_PORT, method, path: PREFIX + target, agent,
      headers: Object.assign({ 'Content-Length': data.length }, headers || {}) }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

// ---- logging, as AWS's runtime patches console ------------------------------------------------------------

function writeLine(level, args) {
  const message = util.format.apply(util, args).replace(/\n/g, '\r');
  process.stdout.write(new Date().toISOString() + '\t' + currentRequestId + '\t' + level + '\t' + message + '\n');
}

function patchConsole() {
  for (const [name, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'],
    ['debug', 'DEBUG'], ['trace', 'TRACE'], ['fatal', 'FATAL']]) {
    console[name] = (...args) => writeLine(level, args);
  }
}

// ---- errors --------------------------------------------------------------------------------------------------

class RuntimeError extends Error {
  constructor(type, message, cause) {
    super(message);
    this.name = type;
    if (cause && cause.stack) {
      this.stack = type + ': ' + message + '\n' + cause.stack.split('\n').slice(1).join('\n');
    }
  }
}

function errorDocument(err) {
  if (err instanceof Error) {
    const type = err.name && err.name !== 'Error' ? err.name : (err.constructor && err.constructor.name) || 'Error';
    return { errorType: type, errorMessage: err.message, trace: String(err.stack || '').split('\n') };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

function logError(prefix, doc) {
  const logged = { errorType: doc.errorType, errorMessage: doc.errorMessage, stack: doc.trace };
  writeLine('ERROR', [prefix + ' \t' + JSON.stringify(logged)]);
}

// ---- the handler -------------------------------------------------------------------------------------------

function isModule(file) {
  if (file.endsWith('.mjs')) {
    return true;
  }
  if (file.endsWith('.cjs')) {
    return false;
  }
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
      } catch (e) {
        return false;
      }
    }
    if (dir === path.dirname(dir)) {
      return false;
    }
  }
}

async function loadHandler(taskRoot, handler) {
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  if (dot < 0 || dot === handler.length - 1) {
    throw new RuntimeError('Runtime.MalformedHandlerName', 'Bad handler ' + handler);
  }
  const moduleName = handler.substring(0, dot);
  const members = handler.substring(dot + 1).split('.');
  const base = path.resolve(taskRoot, moduleName);
  const file = ['.js', '.mjs', '.cjs'].map(ext => base + ext).find(f => fs.existsSync(f));
  let mod;
  try {
    if (file === undefined) {
      mod = require(base); // a directory with an index, or a module on NODE_PATH
    } else if (isModule(file)) {
      mod = await import(pathToFileURL(file).href);
    } else {
      mod = require(file);
    }
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw new RuntimeError('Runtime.UserCodeSyntaxError', String(e), e);
    }
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new RuntimeError('Runtime.ImportModuleError', 'Error: ' + String(e.message).split('\n')[0], e);
    }
    throw e;
  }
  let fn = mod;
  for (const m of members) {
    fn = fn === undefined || fn === null ? undefined : fn[m];
  }
  if (fn === undefined && mod && mod.default) {
    fn = mod.default;
    for (const m of members) {
      fn = fn === undefined || fn === null ? undefined : fn[m];
    }
  }
  if (typeof fn !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', handler + ' is undefined or not exported');
  }
  return fn;
}

// ---- one invocation ----------------------------------------------------------------------------------------

function context(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms'] || 0);
  const parse = name => headers[name] ? JSON.parse(headers[name]) : undefined;
  const ctx = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  const identity = parse('lambda-runtime-cognito-identity');
  if (identity) {
    ctx.identity = identity;
  }
  const clientContext = parse('lambda-runtime-client-context');
  if (clientContext) {
    ctx.clientContext = clientContext;
  }
  return ctx;
}

function run(handler, event, ctx) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (err, result) => {
      if (!settled) {
        settled = true;
        if (err !== undefined && err !== null) {
          reject(err);
        } else {
          resolve(result);
        }
      }
    };
    ctx.done = callback;
    ctx.succeed = result => callback(null, result);
    ctx.fail = err => callback(err === undefined || err === null ? 'handled' : err);
    try {
      const returned = handler(event, ctx, callback);
      if (returned && typeof returned.then === 'function') {
        returned.then(r => callback(null, r), e => callback(e === undefined || e === null ? new Error(String(e)) : e));
      } else if (handler.length < 3) {
        callback(null, returned);
      }
    } catch (e) {
      callback(e);
    }
  });
}

async function invoke(handler, next) {
  const requestId = next.headers['lambda-runtime-aws-request-id'];
  currentRequestId = requestId;
  if (next.headers['lambda-runtime-trace-id']) {
    process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
  } else {
    delete process.env._X_AMZN_TRACE_ID;
  }
  let result;
  try {
    let event;
    try {
      event = JSON.parse(next.body.toString('utf8'));
    } catch (e) {
      throw new RuntimeError('Runtime.UnmarshalError', 'Unable to parse input as JSON: ' + e.message);
    }
    const value = await run(handler, event, context(next.headers));
    result = JSON.stringify(value === undefined ? null : value);
  } catch (err) {
    const doc = errorDocument(err);
    logError('Invoke Error', doc);
    await request('POST', '/invocation/' + requestId + '/error', JSON.stringify(doc),
      { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': doc.errorType });
    return;
  }
  await request('POST', '/invocation/' + requestId + '/response', result, { 'Content-Type': 'application/json' });
}

// ---- the loop ----------------------------------------------------------------------------------------------

function onFatal(kind, type) {
  return async err => {
    const doc = errorDocument(err);
    if (type) {
      doc.errorType = type;
    }
    logError(kind, doc);
    if (currentRequestId !== undefined) {
      try {
        await request('POST', '/invocation/' + currentRequestId + '/error', JSON.stringify(doc),
          { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': doc.errorType });
      } catch (e) {
        // exiting anyway
      }
    }
    process.exit(129);
  };
}

function awaitActivation() {
  process.stdout.write(SPARE_READY + '\n');
  const buf = Buffer.alloc(1);
  let n;
  try {
    n = fs.readSync(0, buf, 0, 1, null);
  } catch (e) {
    n = 0;
  }
  if (n === 0) {
    process.exit(0); // the engine went away without activating this spare
  }
}

async function main() {
  patchConsole();
  if (process.argv.includes('--spare')) {
    awaitActivation();
  }
  const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  let handler;
  try {
    handler = await loadHandler(taskRoot, process.env._HANDLER || '');
  } catch (err) {
    const doc = errorDocument(err);
    logError('Uncaught Exception', doc);
    await request('POST', '/init/error', JSON.stringify(doc),
      { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': doc.errorType });
    process.exit(129);
  }
  process.on('uncaughtException', onFatal('Uncaught Exception'));
  process.on('unhandledRejection', onFatal('Unhandled Promise Rejection', 'Runtime.UnhandledPromiseRejection'));
  for (;;) {
    const next = await request('GET', '/invocation/next');
    if (next.status !== 200) {
      process.stdout.write('[WARNING] Runtime API /next returned ' + next.status + ': ' + next.body.toString() + '\n');
      continue;
    }
    await invoke(handler, next);
  }
}

main();
