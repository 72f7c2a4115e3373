#!/usr/bin/env node
// Validates Seawall's element templates for Camunda Modeler (Camunda 8.8) against Camunda's element-template
// JSON schema, the schema Modeler's own validator is built from.
//
//   node templates.mjs [DIR]      DIR defaults to ../../connectors relative to this script (the repo's connectors/)
//
// For every *.json directly in DIR:
//   - it must parse as JSON;
//   - it must validate against @camunda/zeebe-element-templates-json-schema (draft-07, checked with ajv): Modeler
//     logs a template that does not and leaves it out of the template chooser, so ops staff would miss it;
//   - its $schema must name that schema (Modeler tells Camunda 8 templates from Camunda 7 ones by it);
// and template ids must be unique per version across DIR (Modeler keeps only one of two equal ones).
// Whether every job type of the models has a worker and a template is checked by ConnectorTemplatesTest.
//
// Prints one line per problem: FILE  TEMPLATE-ID  RULE  MESSAGE, then a summary. Exits 1 on any problem.

import { createRequire } from 'node:module';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@camunda/zeebe-element-templates-json-schema/resources/schema.json');
const { version: schemaVersion } = require('@camunda/zeebe-element-templates-json-schema/package.json');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

/** The $schema Camunda 8 templates carry, optionally pinned to a version of the package. */
const SCHEMA_URI = /^https:\/\/unpkg\.com\/@camunda\/zeebe-element-templates-json-schema(@[^/]+)?\/resources\/schema\.json$/;

// The schema is written for lenient draft-07 validators (untyped "if" branches and the like); ajv's strict mode
// judges the schema itself, not the templates, so it is off. allErrors: report every problem of a template at once.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const problems = [];

function report(file, id, rule, message) {
  problems.push({ file, id: id || '-', rule, message });
}

function display(file) {
  const relative = path.relative(REPO, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * ajv reports every failed branch of the schema's if/then and oneOf; the branch keywords themselves say nothing,
 * and the top-level oneOf (one template, or an array of them) also reports that the file is not the other shape.
 */
function schemaErrors(errors, template) {
  const isObjectOrArray = typeof template === 'object' && template !== null;
  const lines = new Set();
  for (const error of errors || []) {
    if ([ 'if', 'oneOf', 'anyOf', 'allOf' ].includes(error.keyword) ||
      (isObjectOrArray && error.instancePath === '' && error.keyword === 'type')) {
      continue;
    }
    const where = describe(error.instancePath, template);
    const detail = error.keyword === 'enum' || error.keyword === 'const'
      ? `${error.message}: ${JSON.stringify(error.params.allowedValues ?? error.params.allowedValue)}`
      : error.message;
    lines.add(`${where}: ${detail}`);
  }
  return [ ...lines ];
}

/** "/properties/3/binding" as "properties[3] (label "Retries") binding", so the author finds the entry. */
function describe(instancePath, template) {
  if (!instancePath) {
    return 'template';
  }
  const parts = instancePath.split('/').slice(1);
  let node = template;
  const out = [];
  for (const part of parts) {
    node = node?.[part];
    if (/^\d+$/.test(part)) {
      const name = node?.label || node?.id || node?.binding?.name || node?.binding?.key || node?.binding?.property;
      const entry = `[${part}]${name ? ` ("${name}")` : ''}`;
      if (out.length) {
        out[out.length - 1] += entry;
      } else {
        out.push(`template${entry}`);
      }
    } else {
      out.push(part);
    }
  }
  return out.join('.');
}

async function main() {
  const dir = path.resolve(process.argv[2] || path.join(REPO, 'connectors'));
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error(`templates: ${dir} is not a directory`);
    return 1;
  }
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter(entry => entry.isFile() && entry.name.endsWith('.json'))
    .map(entry => path.join(dir, entry.name))
    .sort();
  if (!files.length) {
    report(display(dir), '-', 'seawall/templates', 'no *.json element template found');
  }

  const seen = new Map();
  for (const full of files) {
    const file = display(full);
    let parsed;
    try {
      parsed = JSON.parse(await readFile(full, 'utf8'));
    } catch (err) {
      report(file, '-', 'json/parse', `cannot be read as JSON: ${err.message}`);
      continue;
    }
    if (!validate(parsed)) {
      for (const line of schemaErrors(validate.errors, parsed)) {
        report(file, parsed?.id, 'element-templates/schema', line);
      }
    }
    for (const template of Array.isArray(parsed) ? parsed : [ parsed ]) {
      if (!SCHEMA_URI.test(template?.$schema ?? '')) {
        report(file, template?.id, 'seawall/template-schema',
          `$schema must be https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json ` +
          `(Modeler reads it to tell a Camunda 8 template), found ${JSON.stringify(template?.$schema ?? null)}`);
      }
      const key = `${template?.id}@${template?.version ?? '-'}`;
      if (seen.has(key)) {
        report(file, template?.id, 'seawall/unique-template-ids',
          `template id and version are also used in ${seen.get(key)}; Modeler would load only one of them`);
      } else {
        seen.set(key, file);
      }
    }
  }

  for (const p of problems) {
    console.log(`${p.file}  ${p.id}  ${p.rule}  ${p.message}`);
  }
  const summary = `${files.length} element template file${files.length === 1 ? '' : 's'} under ${display(dir)}`;
  if (problems.length) {
    console.log(`templates: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${summary} ` +
      `(@camunda/zeebe-element-templates-json-schema ${schemaVersion})`);
    return 1;
  }
  console.log(`templates: ${summary} passed @camunda/zeebe-element-templates-json-schema ${schemaVersion}`);
  return 0;
}

process.exitCode = await main();
