#!/usr/bin/env node
// Test oracle: checks KQL with Microsoft's Kusto parser and semantic analyzer (@kusto/language-service-next,
// the JavaScript build of Kusto.Language).
//
// Protocol: newline-delimited JSON on stdin, one request per line (a single request without a trailing newline is
// read at end of input too); one response line on stdout per request, in order. The process serves requests until
// stdin closes, so a test run starts it once.
//
// Request:  { "tables":  [ { "name": "T", "csl": "(S:string, I:long)" } ],
//             "queries": [ { "id": "q1", "kql": "T | where S == 'x'", "analyze": true } ],
//             "keywords": false }
//   analyze (default true): false parses only (about 5 times faster): syntax diagnostics, literals and node kinds,
//   but no semantic diagnostics, no result columns and no type-family check.
//   keywords: true adds the parser's keyword list (SyntaxFacts.Keywords) to the response.
// Response: { "results": [ { "id", "diagnostics": [...], "columns": [...] | null, "literals": [...], "operators": [...] } ],
//             "keywords"?: [...] }  or  { "error": "message" } when the request itself is unreadable.
//   diagnostics: { source: "parser" | "oracle", code, message, severity, start, length }.
//     source "oracle" marks the one rule added here (the parser lacks it): ==, !=, in, !in, in~, !in~ between
//     different type families (number = int/long/real/decimal, string, bool, datetime, timespan, guid) is an error,
//     code "ORACLE-TYPES". dynamic and unresolved operands are not judged.
//   columns: the result columns { name, type } when the query's result is a table, else null.
//   literals: every outermost literal expression, in text order: { kind (SyntaxKind, e.g. "LongLiteralExpression"),
//     type (result type name, null when only parsed), text (the literal as written), valueText (the parser's
//     ValueInfo.ValueText: the unescaped string, or the raw interior of other literals), value, decoded }.
//       value: the parser's own decoded value (ValueInfo.Value) as text: the string itself; integers and decimals in
//         decimal digits; a real as the shortest JS text ("NaN", "Infinity", "-0" for the specials); a guid in "D" form;
//         "true"/"false"; a datetime as ticks (the JS build keeps milliseconds only); a timespan as ticks (the parser
//         decodes only unit forms such as 1h or 5tick; time(1.02:03:04) decodes to 0). null for typed nulls.
//         The parser decodes silently: text it cannot read (long(zzz), an overflowing integer, real(nan)) becomes 0.
//       decoded: this oracle's own strict decoding of valueText, for the forms where value is lossy or missing:
//         datetime "yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z" -> ticks; timespan "[-][d.]hh:mm:ss[.f{1,7}]" -> ticks;
//         real "nan" / "+inf" / "-inf" -> "NaN" / "Infinity" / "-Infinity". null when valueText is not of that form.
//   operators: the SyntaxKind of every syntax node that is not a literal (literals are not entered), in pre-order.
//     Comparing the list of a query with a value against the same query with a plain value shows any operator,
//     name or clause that a value smuggled in.
'use strict';

process.env.TZ = 'UTC'; // Bridge's DateTime is a JS Date: keep every conversion in UTC.

const path = require('path');
const readline = require('readline');

const packageDir = path.join(__dirname, 'node_modules', '@kusto', 'language-service-next');
require(path.join(packageDir, 'bridge.min.js'));
require(path.join(packageDir, 'Kusto.Language.Bridge.min.js'));

const K = global.Kusto.Language;
const Bridge = global.Bridge;
const System = global.System;
const SyntaxKind = K.Syntax.SyntaxKind;

const kindNames = new Map();
function kindName(kind) {
  let name = kindNames.get(kind);
  if (name === undefined) {
    name = System.Enum.toString(SyntaxKind, kind);
    kindNames.set(kind, name);
  }
  return name;
}

const globalsCache = new Map();
function globalsFor(tables) {
  const key = JSON.stringify(tables || []);
  let globals = globalsCache.get(key);
  if (!globals) {
    const symbols = (tables || []).map((t) => new K.Symbols.TableSymbol.$ctor7(t.name, t.csl, null));
    globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor('db', symbols));
    globalsCache.set(key, globals);
  }
  return globals;
}

function list(collection) {
  const items = [];
  if (!collection) return items;
  for (let i = 0; i < collection.Count; i++) items.push(collection.getItem(i));
  return items;
}

// ---- literal values ----------------------------------------------------------------------------------------------

function parserValue(value) {
  if (value == null) return null;
  const type = value.$boxed ? value.type : Bridge.getType(value);
  const raw = value.$boxed ? value.v : value;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (typeof raw === 'number') return Object.is(raw, -0) ? '-0' : String(raw);
  if (type === System.DateTime || raw instanceof Date) return System.DateTime.getTicks(raw).toString();
  if (type === System.TimeSpan) return raw.getTicks().toString();
  return raw.toString(); // System.Int64, System.Decimal, System.Guid
}

const TicksPerSecond = 10000000n;
const TicksPerDay = 86400n * TicksPerSecond;

function fractionTicks(fraction) {
  return fraction ? BigInt(fraction.padEnd(7, '0')) : 0n;
}

function daysFromCivil(y, m, d) {
  // Days since 0001-01-01 in the proleptic Gregorian calendar.
  const a = y - 1;
  let days = a * 365 + Math.floor(a / 4) - Math.floor(a / 100) + Math.floor(a / 400);
  const cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  days += cumulative[m - 1] + (leap && m > 2 ? 1 : 0) + d - 1;
  return days;
}

function strictDecode(kind, valueText) {
  if (valueText == null) return null;
  if (kind === 'DateTimeLiteralExpression') {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?Z$/.exec(valueText);
    if (!m) return null;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    const monthDays = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > monthDays[mo - 1] || h > 23 || mi > 59 || s > 59) return null;
    const ticks = BigInt(daysFromCivil(y, mo, d)) * TicksPerDay
      + BigInt(h * 3600 + mi * 60 + s) * TicksPerSecond + fractionTicks(m[7]);
    return ticks.toString();
  }
  if (kind === 'TimespanLiteralExpression') {
    const m = /^(-?)(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(valueText);
    if (!m) return null;
    const [h, mi, s] = [Number(m[3]), Number(m[4]), Number(m[5])];
    if (h > 23 || mi > 59 || s > 59) return null;
    let ticks = BigInt(m[2] || '0') * TicksPerDay + BigInt(h * 3600 + mi * 60 + s) * TicksPerSecond + fractionTicks(m[6]);
    if (m[1]) ticks = -ticks;
    return ticks.toString();
  }
  if (kind === 'RealLiteralExpression') {
    return { nan: 'NaN', '+inf': 'Infinity', '-inf': '-Infinity' }[valueText] || null;
  }
  return null;
}

// ---- the type-family rule the parser lacks -------------------------------------------------------------------------

const families = {
  int: 'number', long: 'number', real: 'number', decimal: 'number',
  string: 'string', bool: 'bool', datetime: 'datetime', timespan: 'timespan', guid: 'guid',
};
const comparisonKinds = new Set(['EqualExpression', 'NotEqualExpression',
  'InExpression', 'NotInExpression', 'InCsExpression', 'NotInCsExpression']);

function familyOf(expression) {
  const type = expression && expression.ResultType;
  if (!type || !Bridge.is(type, K.Symbols.ScalarSymbol)) return null;
  return families[type.Name] || null; // dynamic, unknown and error types are not judged
}

function typeFamilyDiagnostics(node, kind, out) {
  if (!comparisonKinds.has(kind)) return;
  const left = node.Left;
  const leftFamily = familyOf(left);
  if (!leftFamily) return;
  const rights = kind.endsWith('InExpression') || kind.endsWith('InCsExpression')
    ? list(node.Right && node.Right.Expressions).map((e) => e.Element)
    : [node.Right];
  for (const right of rights) {
    const rightFamily = familyOf(right);
    if (rightFamily && rightFamily !== leftFamily) {
      out.push({
        source: 'oracle',
        code: 'ORACLE-TYPES',
        message: `${node.Operator ? node.Operator.Text : kind} compares ${left.ResultType.Name} with ${right.ResultType.Name}`,
        severity: 'Error',
        start: right.TextStart,
        length: right.Width,
      });
    }
  }
}

// ---- one query ---------------------------------------------------------------------------------------------------

function check(query, globals) {
  const analyze = query.analyze !== false;
  let root;
  let code = null;
  if (analyze) {
    code = K.KustoCode.ParseAndAnalyze(query.kql, globals);
    root = code.Syntax;
  } else {
    // The parser alone, without KustoCode's bookkeeping: the same syntax tree and syntax diagnostics, a fifth faster.
    root = K.Parsing.QueryParser.ParseQuery(K.Parsing.TokenParser.ParseTokens(query.kql));
  }
  const parserDiagnostics = code ? code.GetDiagnostics() : (root.ContainsSyntaxDiagnostics ? root.GetContainedDiagnostics() : null);
  const diagnostics = list(parserDiagnostics).map((d) => ({
    source: 'parser', code: d.Code, message: d.Message, severity: d.Severity, start: d.Start, length: d.Length,
  }));
  const literals = [];
  const operators = [];

  const visit = (node) => {
    if (!node || node.IsToken) return;
    const kind = kindName(node.Kind);
    if (node.IsLiteral === true) { // only expressions have IsLiteral among nodes
      const info = node.LiteralValueInfo;
      const valueText = info ? info.ValueText : null;
      literals.push({
        kind,
        type: analyze && node.ResultType ? node.ResultType.Name : null,
        text: query.kql.substr(node.TextStart, node.Width), // as written (ToString(IncludeTrivia.Interior) is 4x slower)
        valueText,
        value: info ? parserValue(info.Value) : null,
        decoded: strictDecode(kind, valueText),
      });
      return;
    }
    operators.push(kind);
    if (analyze) typeFamilyDiagnostics(node, kind, diagnostics);
    for (let i = 0; i < node.ChildCount; i++) visit(node.GetChild(i));
  };
  visit(root);

  let columns = null;
  if (code && code.ResultType && Bridge.is(code.ResultType, K.Symbols.TableSymbol)) {
    columns = list(code.ResultType.Columns).map((c) => ({ name: c.Name, type: c.Type ? c.Type.Name : null }));
  }

  return { id: query.id, diagnostics, columns, literals, operators };
}

function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    return { error: `unreadable request: ${e.message}` };
  }
  const globals = globalsFor(request.tables);
  const results = (request.queries || []).map((q) => {
    try {
      return check(q, globals);
    } catch (e) {
      return { id: q.id, error: String(e && (e.stack || e.message || e)) };
    }
  });
  const response = { results };
  if (request.keywords) {
    const keywords = [];
    const e = K.Syntax.SyntaxFacts.Keywords.GetEnumerator();
    while (e.moveNext()) keywords.push(e.Current);
    response.keywords = keywords;
  }
  return response;
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
input.on('line', (line) => {
  if (line.trim().length === 0) return;
  process.stdout.write(JSON.stringify(handle(line)) + '\n');
});
