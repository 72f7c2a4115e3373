#!/usr/bin/env node
// Seawall model linter: checks the models in bpmn/ the way Camunda Modeler does for Camunda 8.8, plus a
// few checks of our own that Modeler leaves to the eye.
//
//   node lint.mjs [DIR]      DIR defaults to ../../bpmn relative to this script (the repo's bpmn/)
//
// For every *.bpmn under DIR (recursively, as Seawall deploys bpmn/**):
//   - parses it with bpmn-moddle + zeebe-bpmn-moddle + modeler-moddle; any parse warning (unknown element
//     or attribute, dangling reference) is an error, since Modeler would drop or mangle that part;
//   - requires modeler:executionPlatform="Camunda Cloud" and modeler:executionPlatformVersion 8.8.x, which
//     Modeler reads to choose its lint rules and properties panel;
//   - runs @camunda/linting's Linter as Camunda Modeler (desktop) does for a Camunda 8.8 diagram:
//     new Linter({ modeler: 'desktop', type: 'cloud' }), i.e. bpmnlint with bpmnlint-plugin-camunda-compat's
//     camunda-cloud-8-8 rules plus bpmnlint:correctness and no-bpmndi, with Modeler's messages. The
//     Linter has no version option: it reads the version from the two attributes above, so we pin them
//     to 8.8.0 on the parsed tree before linting (see lintBpmn);
//   - checks that every flow element, participant, lane, message flow and artifact has a BPMNShape or
//     BPMNEdge, that edges have at least two waypoints, and that no two shapes overlap (except a
//     boundary event on its host and shapes inside a pool, lane, group or expanded sub-process);
//   - checks that a static zeebe:calledDecision decisionId names a decision of a DMN file under DIR,
//     since Seawall deploys DIR as one deployment.
// For every *.dmn under DIR:
//   - parses it with dmn-moddle; any parse warning is an error;
//   - requires the same execution platform attributes;
//   - checks that every decision and other DRG element / text annotation has a DMNShape, and every
//     requirement / association a DMNEdge;
//   - checks decision tables: a typeRef on every input and output, one entry per input and output in
//     every rule, and that every expression and unary test parses as FEEL (feelin's lezer grammar in the
//     Camunda dialect: a syntax check only; the engine evaluates with FEEL-Scala). @camunda/linting
//     covers BPMN only, so these DMN checks are ours.
// Process and decision ids must be unique across DIR (the engine rejects the deployment otherwise).
//
// Prints one line per problem: FILE  ELEMENT-ID  RULE  MESSAGE, then a summary. Exits 1 on any problem.
// Linter warnings fail the run like errors (none of the 8.8 rules is noisy for our models, so none is
// relaxed: RELAXED_RULES below is empty on purpose); linter "info" reports are printed but do not fail.
//
// Why the bundling step: @camunda/linting is written for Camunda Modeler's webpack build, not for Node.
// Its main entry needs no browser globals (only @camunda/linting/modeler touches the DOM, and we do not
// load it), but its sources are ES modules in a package without "type": "module", import their siblings
// without file extensions, import JSON without import attributes, and destructure named exports of
// CommonJS packages that Node cannot detect statically. Node 20 refuses all four. So, like Modeler, we
// bundle it: esbuild (a registry package with its own prebuilt binary) bundles index.js into one ES
// module under node_modules/.cache, which Node then imports. Nothing of the linter is patched or copied.

import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { parseExpression, parseUnaryTests } from 'feelin';

const require = createRequire(import.meta.url);
const zeebeModdle = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modelerModdle = require('modeler-moddle/resources/modeler.json');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

/** What Modeler is set to for these models: Camunda 8 (SaaS or Self-Managed), minor version 8.8. */
const EXECUTION_PLATFORM = 'Camunda Cloud';
const EXECUTION_PLATFORM_VERSION = '8.8.0';
const EXECUTION_PLATFORM_MINOR = EXECUTION_PLATFORM_VERSION.split('.').slice(0, 2).join('.');

/**
 * Linter rules whose warnings do not fail the run, each with the reason. Empty: every rule of the 8.8
 * set is either silent on our models or points at something worth fixing.
 */
const RELAXED_RULES = {};

const problems = [];

function report(file, id, rule, message, severity = 'error') {
  problems.push({ file, id: id || '-', rule, message, severity });
}

function display(file) {
  const relative = path.relative(REPO, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function findModels(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') {
      continue;
    }
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...await findModels(full));
    } else if (/\.(bpmn|dmn)$/i.test(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

async function loadCamundaLinter() {
  const esbuild = await import('esbuild');
  const outfile = path.join(HERE, 'node_modules', '.cache', 'seawall-lint', 'camunda-linting.mjs');
  const result = await esbuild.build({
    stdin: {
      contents: "export { Linter } from '@camunda/linting';",
      resolveDir: HERE,
      loader: 'js'
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'error',
    // CommonJS parts of bpmnlint may call require() for Node built-ins.
    banner: { js: "import { createRequire as __seawallCreateRequire } from 'node:module'; const require = __seawallCreateRequire(import.meta.url);" }
  });
  await mkdir(path.dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}`;
  await writeFile(partial, result.outputFiles[0].contents);
  await rename(partial, outfile); // atomic, so runs in parallel never import a half-written file
  const { Linter } = await import(pathToFileURL(outfile).href);
  return Linter;
}

function checkExecutionPlatform(file, id, platform, version) {
  if (platform !== EXECUTION_PLATFORM || !version || version.split('.').slice(0, 2).join('.') !== EXECUTION_PLATFORM_MINOR) {
    report(file, id, 'seawall/execution-platform',
      `must target ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_MINOR} (modeler:executionPlatform="${EXECUTION_PLATFORM}" ` +
      `modeler:executionPlatformVersion="${EXECUTION_PLATFORM_VERSION}"), found "${platform ?? ''}" "${version ?? ''}": ` +
      `Camunda Modeler picks its rules and properties from these attributes`);
  }
}

function reportParseWarnings(file, rule, warnings) {
  for (const warning of warnings) {
    let element = warning.element;
    while (element && !element.id) {
      element = element.$parent; // e.g. a zeebe:TaskDefinition reports as its task
    }
    report(file, element?.id, rule, warning.message.split('\n')[0]);
  }
}

// BPMN /////////////////////////////////////////////////////////////////////////////////////////////////

const bpmnModdle = new BpmnModdle({ zeebe: zeebeModdle, modeler: modelerModdle });

async function lintBpmn(file, xml, linter, context) {
  let definitions, warnings;
  try {
    ({ rootElement: definitions, warnings } = await bpmnModdle.fromXML(xml, 'bpmn:Definitions'));
  } catch (err) {
    report(file, '-', 'bpmn-moddle/parse', `cannot be read as BPMN: ${err.message.split('\n')[0]}`);
    return;
  }
  reportParseWarnings(file, 'bpmn-moddle/parse', warnings);

  checkExecutionPlatform(file, definitions.id, definitions.get('modeler:executionPlatform'),
    definitions.get('modeler:executionPlatformVersion'));

  // The Linter takes its rule set from these two attributes (it has no option for it) and returns nothing
  // when they are missing. Pin them on our tree, parsed with the same moddle packages as the Linter's own,
  // so the Camunda 8.8 rules run whatever the file says; a wrong or missing value is reported above.
  definitions.set('modeler:executionPlatform', EXECUTION_PLATFORM);
  definitions.set('modeler:executionPlatformVersion', EXECUTION_PLATFORM_VERSION);
  const ruleErrors = new Map();
  for (const r of await lintQuietly(linter, definitions)) {
    if (r.category === 'rule-error') {
      // A rule crashed, usually on a model broken in a way reported above: one line per distinct error.
      ruleErrors.set(r.message, [ ...(ruleErrors.get(r.message) || []), r.rule ]);
    } else if (r.category === 'info') {
      report(file, r.id, r.rule, r.message, 'info');
    } else if (r.category === 'warn' && RELAXED_RULES[r.rule]) {
      report(file, r.id, r.rule, `${r.message} (relaxed: ${RELAXED_RULES[r.rule]})`, 'info');
    } else {
      report(file, r.id, r.rule, r.category === 'warn' ? `${r.message} (linter warning, treated as an error)` : r.message);
    }
  }
  for (const [ message, rules ] of ruleErrors) {
    report(file, '-', rules.length === 1 ? rules[0] : `${rules[0]} and ${rules.length - 1} other rules`,
      `linter rule failed: ${message}`);
  }

  checkBpmnDiagram(file, definitions);

  for (const root of definitions.rootElements || []) {
    if (root.$instanceOf('bpmn:Process')) {
      context.processIds.push({ id: root.id, file });
      walk(root, element => {
        if (element.$instanceOf('bpmn:BusinessRuleTask')) {
          const called = extension(element, 'zeebe:CalledDecision');
          if (called?.decisionId && !called.decisionId.startsWith('=')) {
            context.calledDecisions.push({ file, id: element.id, decisionId: called.decisionId });
          }
        }
      });
    }
  }
}

/** bpmnlint prints a stack trace for every rule that throws; we report those as problems instead. */
async function lintQuietly(linter, definitions) {
  const consoleError = console.error;
  console.error = () => {};
  try {
    return await linter.lint(definitions);
  } finally {
    console.error = consoleError;
  }
}

function extension(element, type) {
  return (element.extensionElements?.values || []).find(value => value.$instanceOf(type));
}

/** Every element of a process or sub-process that Modeler draws, with its container. */
function walk(container, visit) {
  for (const element of [ ...(container.flowElements || []), ...(container.artifacts || []) ]) {
    visit(element, container);
    if (element.flowElements || element.artifacts) {
      walk(element, visit);
    }
  }
  for (const laneSet of container.laneSets || (container.childLaneSet ? [ container.childLaneSet ] : [])) {
    for (const lane of laneSet.lanes || []) {
      visit(lane, container);
      walk({ childLaneSet: lane.childLaneSet }, visit);
    }
  }
}

const EDGE_TYPES = [ 'bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Association', 'bpmn:DataAssociation' ];

function checkBpmnDiagram(file, definitions) {
  const diByElement = new Map();
  for (const diagram of definitions.diagrams || []) {
    const plane = diagram.plane;
    if (!plane) {
      continue;
    }
    for (const di of plane.planeElement || []) {
      const element = di.bpmnElement;
      if (!element) {
        report(file, di.id, 'seawall/diagram', 'diagram element refers to no model element');
        continue;
      }
      if (!diByElement.has(element)) {
        diByElement.set(element, []);
      }
      diByElement.get(element).push(di);
    }
  }

  const drawn = [];
  const visit = element => {
    if (element.$instanceOf('bpmn:DataObject')) {
      return; // only its references (bpmn:DataObjectReference) are drawn
    }
    const isEdge = EDGE_TYPES.some(type => element.$instanceOf(type));
    const wanted = isEdge ? 'bpmndi:BPMNEdge' : 'bpmndi:BPMNShape';
    const dis = diByElement.get(element) || [];
    const di = dis.find(d => d.$instanceOf(wanted));
    if (!di) {
      report(file, element.id, 'seawall/diagram',
        `${element.$type.replace('bpmn:', '')} "${element.name || element.id}" has no ${wanted.replace('bpmndi:', '')} in the diagram`);
      return;
    }
    if (dis.filter(d => d.$instanceOf(wanted)).length > 1) {
      report(file, element.id, 'seawall/diagram', `is drawn more than once (${dis.map(d => d.id).join(', ')})`);
    }
    if (isEdge && (di.waypoint || []).length < 2) {
      report(file, element.id, 'seawall/diagram', `edge ${di.id} has fewer than two waypoints`);
    }
    if (!isEdge) {
      if (!di.bounds) {
        report(file, element.id, 'seawall/diagram', `shape ${di.id} has no bounds`);
      } else {
        drawn.push({ element, di });
      }
    }
  };

  for (const root of definitions.rootElements || []) {
    if (root.$instanceOf('bpmn:Process')) {
      walk(root, visit);
    } else if (root.$instanceOf('bpmn:Collaboration')) {
      for (const element of [ ...(root.participants || []), ...(root.messageFlows || []), ...(root.artifacts || []) ]) {
        visit(element);
      }
    }
  }

  checkOverlaps(file, drawn);
}

/** Shapes that may contain or sit on other shapes by design. */
function isContainer({ element, di }) {
  return element.$instanceOf('bpmn:Participant') || element.$instanceOf('bpmn:Lane') ||
    element.$instanceOf('bpmn:Group') || (element.$instanceOf('bpmn:SubProcess') && di.isExpanded);
}

function checkOverlaps(file, drawn) {
  const shapes = drawn.filter(shape => !isContainer(shape) && !shape.element.$instanceOf('bpmn:BoundaryEvent'));
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const a = shapes[i].di.bounds, b = shapes[j].di.bounds;
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (overlapX > 0 && overlapY > 0) {
        report(file, shapes[i].element.id, 'seawall/no-overlapping-shapes',
          `overlaps "${shapes[j].element.name || shapes[j].element.id}" (${shapes[j].element.id}) in the diagram`);
      }
    }
  }
}

// DMN //////////////////////////////////////////////////////////////////////////////////////////////////

const dmnModdle = new DmnModdle();

async function lintDmn(file, xml, context) {
  let definitions, warnings;
  try {
    ({ rootElement: definitions, warnings } = await dmnModdle.fromXML(xml, 'dmn:Definitions'));
  } catch (err) {
    report(file, '-', 'dmn-moddle/parse', `cannot be read as DMN: ${err.message.split('\n')[0]}`);
    return;
  }
  reportParseWarnings(file, 'dmn-moddle/parse', warnings);

  const attrs = definitions.$attrs || {};
  const prefix = Object.keys(attrs)
    .find(key => key.startsWith('xmlns:') && attrs[key] === modelerModdle.uri)?.slice('xmlns:'.length);
  checkExecutionPlatform(file, definitions.id, prefix && attrs[`${prefix}:executionPlatform`],
    prefix && attrs[`${prefix}:executionPlatformVersion`]);

  checkDmnDiagram(file, definitions);

  for (const element of definitions.drgElement || []) {
    if (element.$instanceOf('dmn:Decision')) {
      context.decisionIds.push({ id: element.id, file });
      checkDecisionLogic(file, element);
    } else if (element.$instanceOf('dmn:BusinessKnowledgeModel') && element.encapsulatedLogic?.body) {
      checkDecisionLogic(file, { id: element.id, decisionLogic: element.encapsulatedLogic.body });
    }
  }
}

function checkDmnDiagram(file, definitions) {
  const diByElement = new Map();
  for (const diagram of definitions.dmnDI?.diagrams || []) {
    for (const di of diagram.diagramElements || []) {
      const element = di.dmnElementRef;
      if (!element) {
        report(file, di.id, 'seawall/diagram', 'diagram element refers to no model element');
        continue;
      }
      diByElement.set(element, [ ...(diByElement.get(element) || []), di ]);
    }
  }
  const expect = (element, wanted) => {
    if (!(diByElement.get(element) || []).some(di => di.$instanceOf(wanted))) {
      const kind = element.$type.replace('dmn:', '');
      report(file, element.id, 'seawall/diagram',
        `${kind} "${element.name || element.id}" has no ${wanted.replace('dmndi:', '')} in the decision requirements diagram`);
    }
  };
  for (const element of definitions.drgElement || []) {
    expect(element, 'dmndi:DMNShape');
    for (const requirement of [ ...(element.informationRequirement || []), ...(element.knowledgeRequirement || []),
      ...(element.authorityRequirement || []) ]) {
      expect(requirement, 'dmndi:DMNEdge');
    }
  }
  for (const artifact of definitions.artifact || []) {
    expect(artifact, artifact.$instanceOf('dmn:Association') ? 'dmndi:DMNEdge' : 'dmndi:DMNShape');
  }
}

function checkDecisionLogic(file, decision) {
  const logic = decision.decisionLogic;
  if (!logic) {
    return;
  }
  if (logic.$instanceOf('dmn:LiteralExpression')) {
    checkFeel(file, logic.id || decision.id, logic.text, 'expression');
    return;
  }
  if (!logic.$instanceOf('dmn:DecisionTable')) {
    return;
  }
  const inputs = logic.input || [], outputs = logic.output || [];
  for (const input of inputs) {
    const expression = input.inputExpression;
    if (!expression?.typeRef) {
      report(file, input.id, 'seawall/dmn-type-ref', `input "${input.label || input.id}" has no type (typeRef)`);
    }
    checkFeel(file, input.id, expression?.text, 'expression');
    if (input.inputValues) {
      checkFeel(file, input.id, input.inputValues.text, 'unary-tests', true);
    }
  }
  for (const output of outputs) {
    if (!output.typeRef) {
      report(file, output.id, 'seawall/dmn-type-ref', `output "${output.label || output.name || output.id}" has no type (typeRef)`);
    }
    if (output.outputValues) {
      checkFeel(file, output.id, output.outputValues.text, 'unary-tests', true);
    }
    if (output.defaultOutputEntry) {
      checkFeel(file, output.id, output.defaultOutputEntry.text, 'expression', true);
    }
  }
  if (outputs.length > 1 && outputs.some(output => !output.name)) {
    report(file, logic.id || decision.id, 'seawall/dmn-output-name', 'a table with several outputs needs a name on every output');
  }
  for (const rule of logic.rule || []) {
    const inputEntries = rule.inputEntry || [], outputEntries = rule.outputEntry || [];
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
      report(file, rule.id, 'seawall/dmn-table-shape',
        `rule has ${inputEntries.length} input and ${outputEntries.length} output entries; the table has ${inputs.length} inputs and ${outputs.length} outputs`);
    }
    inputEntries.forEach(entry => checkFeel(file, entry.id || rule.id, entry.text, 'unary-tests'));
    outputEntries.forEach(entry => checkFeel(file, entry.id || rule.id, entry.text, 'expression', true));
  }
}

function checkFeel(file, id, text, kind, mayBeEmpty = false) {
  const source = (text ?? '').trim();
  if (!source) {
    if (!mayBeEmpty) {
      report(file, id, 'seawall/feel', `empty FEEL ${kind === 'unary-tests' ? 'test (use - for "any")' : 'expression'}`);
    }
    return;
  }
  const tree = (kind === 'unary-tests' ? parseUnaryTests : parseExpression)(source, {}, 'camunda');
  let error = null;
  tree.iterate({
    enter(node) {
      if (error) {
        return false;
      }
      if (node.type.isError) {
        error = node.from;
        return false;
      }
    }
  });
  if (error !== null) {
    report(file, id, 'seawall/feel',
      `not valid FEEL ${kind === 'unary-tests' ? 'unary tests' : 'expression'} at position ${error + 1}: ${JSON.stringify(source)}`);
  }
}

// main /////////////////////////////////////////////////////////////////////////////////////////////////

async function main() {
  const dir = path.resolve(process.argv[2] || path.join(HERE, '..', '..', 'bpmn'));
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error(`lint: ${dir} is not a directory`);
    return 1;
  }
  const models = await findModels(dir);
  const bpmnFiles = models.filter(file => /\.bpmn$/i.test(file));
  const dmnFiles = models.filter(file => /\.dmn$/i.test(file));
  if (!bpmnFiles.length) {
    report(display(dir), '-', 'seawall/models', 'no *.bpmn file found');
  }

  const context = { processIds: [], decisionIds: [], calledDecisions: [] };
  const Linter = await loadCamundaLinter();
  const linter = new Linter({ modeler: 'desktop', type: 'cloud' });

  for (const file of bpmnFiles) {
    await lintBpmn(display(file), await readFile(file, 'utf8'), linter, context);
  }
  for (const file of dmnFiles) {
    await lintDmn(display(file), await readFile(file, 'utf8'), context);
  }

  for (const [ kind, ids ] of [ [ 'process', context.processIds ], [ 'decision', context.decisionIds ] ]) {
    const seen = new Map();
    for (const { id, file } of ids) {
      if (seen.has(id)) {
        report(file, id, 'seawall/unique-ids', `${kind} id is also used in ${seen.get(id)}; the deployment would be rejected`);
      } else {
        seen.set(id, file);
      }
    }
  }
  const decisions = new Set(context.decisionIds.map(({ id }) => id));
  for (const { file, id, decisionId } of context.calledDecisions) {
    if (!decisions.has(decisionId)) {
      report(file, id, 'seawall/called-decision', `calls decision "${decisionId}", which no *.dmn file in ${display(dir)} defines`);
    }
  }

  const failing = problems.filter(p => p.severity !== 'info');
  for (const p of problems) {
    console.log(`${p.file}  ${p.id}  ${p.rule}  ${p.severity === 'info' ? 'info: ' : ''}${p.message}`);
  }
  const files = `${bpmnFiles.length} BPMN and ${dmnFiles.length} DMN model${bpmnFiles.length + dmnFiles.length === 1 ? '' : 's'}`;
  if (failing.length) {
    console.log(`lint: ${failing.length} problem${failing.length === 1 ? '' : 's'} in ${files} under ${display(dir)} ` +
      `(@camunda/linting, ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_MINOR})`);
    return 1;
  }
  console.log(`lint: ${files} under ${display(dir)} passed @camunda/linting (${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_MINOR}) ` +
    'and the diagram and DMN checks');
  return 0;
}

process.exitCode = await main();
