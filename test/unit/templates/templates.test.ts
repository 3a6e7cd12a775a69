import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { outputLayerIndex } from '../../../src/core/model/network';
import { parseSpec } from '../../../src/core/parser/parse';
import { MAX_SENTENCE, specSummary } from '../../../src/core/templates/summary';

/**
 * The specs New Network Spec offers: the templates in media/templates/ check clean and run, the
 * four promised kinds are there, every shipped example has something to say about itself, and
 * both folders ship in the .vsix.
 */

const TEMPLATES = 'media/templates';
const EXAMPLES = 'examples';
const specsIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.nnet')).sort();
const read = (folder: string, name: string) => readFileSync(`${folder}/${name}`, 'utf8');

describe('templates', () => {
  it('each parses with no problem at all and runs without a non-finite number', () => {
    const names = specsIn(TEMPLATES);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const { network, diagnostics } = parseSpec(read(TEMPLATES, name));
      expect(diagnostics, name).toEqual([]);
      const result = runEngine(network!);
      expect(result.failure, name).toBeNull();
      expect(Number.isFinite(result.cost), name).toBe(true);
    }
  });

  it('are the article’s 2-2-2, XOR, a softmax classifier and a regression', () => {
    const networks = specsIn(TEMPLATES).map((name) => parseSpec(read(TEMPLATES, name)).network!);
    const shape = (n: (typeof networks)[number]) => n.layers.map((layer) => layer.size).join('-');
    const output = (n: (typeof networks)[number]) => n.layers[outputLayerIndex(n)].activation;
    // The article's network: 2-2-2 sigmoid, every weight written (nothing from the seed), its squared cost.
    const article = networks.find((n) => shape(n) === '2-2-2' && n.cost === 'squared');
    expect(article?.layers[1].weights).toEqual(new Float64Array([0.15, 0.25, 0.2, 0.3]));
    // XOR: two inputs, one output, the four corners with y = x₁ xor x₂.
    const xor = networks.find((n) => n.layers[0].size === 2 && n.examples.length === 4 && n.examples.every((e) => e.y[0] === (e.x[0] !== e.x[1] ? 1 : 0)));
    expect(xor).toBeDefined();
    const classifier = networks.find((n) => output(n) === 'softmax' && n.cost === 'cross-entropy');
    expect(classifier?.layers[outputLayerIndex(classifier)].size).toBeGreaterThanOrEqual(3);
    const regression = networks.find((n) => output(n) === 'linear' && n.cost !== 'cross-entropy' && n.cost !== 'binary-cross-entropy');
    expect(regression?.examples.length).toBeGreaterThan(0);
  });

  it('say what they are: a network name and a first sentence', () => {
    for (const name of specsIn(TEMPLATES)) {
      const summary = specSummary(read(TEMPLATES, name));
      expect(summary.name, name).toBeTruthy();
      expect(summary.sentence, name).toMatch(/^[A-Z].*[.…]$/);
      expect(summary.readsFile, name).toBe(false);
    }
  });
});

describe('shipped examples in the list', () => {
  it('each has a name, a sentence or a file name to show', () => {
    for (const name of specsIn(EXAMPLES)) {
      const summary = specSummary(read(EXAMPLES, name));
      expect(summary.name ?? '', name).not.toBe('');
      expect(summary.sentence.length, name).toBeGreaterThan(10);
      expect(summary.sentence.length, name).toBeLessThanOrEqual(MAX_SENTENCE);
    }
  });

  it('describes mazur.nnet from its first comment and network line, and knows iris.nnet reads a file', () => {
    expect(specSummary(read(EXAMPLES, 'mazur.nnet'))).toEqual({ name: 'Step-by-step backpropagation', sentence: 'A 2-2-2 sigmoid network and one training example.', readsFile: false });
    expect(specSummary(read(EXAMPLES, 'iris.nnet')).readsFile).toBe(true);
  });

  it('ship in the .vsix, with the templates and the walkthrough pages', () => {
    const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
    expect(ignore).toContain('!examples/**');
    expect(ignore).toContain('!media/**');
  });
});

describe('specSummary', () => {
  it('reads the opening comment up to its first sentence, across lines, and shortens a long one at a word', () => {
    const text = '\n# First line of a sentence\n#   that goes on. Second sentence.\nnetwork "a \\"quoted\\" name"\n# not this\n';
    expect(specSummary(text)).toEqual({ name: 'a "quoted" name', sentence: 'First line of a sentence that goes on.', readsFile: false });
    const long = `# ${'word '.repeat(60)}end.\nlayer 0: 1 input\n`;
    const sentence = specSummary(long).sentence;
    expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(sentence).toMatch(/word…$/);
  });

  it('has no name or sentence for a spec without them, and sees a data file only on a data line', () => {
    expect(specSummary('layer 0: 1 input\n# data "x.csv" in a comment\n')).toEqual({ name: null, sentence: '', readsFile: false });
    expect(specSummary('  data "x.csv" x 1 y 2\n').readsFile).toBe(true);
    expect(specSummary('data moons 10\n').readsFile).toBe(false);
  });
});

describe('the Get Started walkthrough', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { commands: { command: string }[]; walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }[] }[] };
  };
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'getStarted')!;

  it('has the six steps, in order, each with a page that exists', () => {
    expect(walkthrough.steps.map((s) => s.id)).toEqual(['openExample', 'hoverWeight', 'openPanelAndStep', 'debug', 'train', 'exportSolution']);
    for (const step of walkthrough.steps) expect(existsSync(step.media.markdown ?? ''), step.id).toBe(true);
  });

  it('gives every step a button that runs a contributed command, and a completion event for it', () => {
    for (const step of walkthrough.steps) {
      const links = [...step.description.matchAll(/\(command:(?:toSide:)?([\w.]+)/g)].map((m) => m[1]);
      expect(links.length, step.id).toBeGreaterThan(0);
      for (const id of links) {
        // The export command is another feature's; the step's own button is always contributed.
        expect(contributed.has(id), `${step.id}: ${id}`).toBe(true);
        expect(step.completionEvents, step.id).toContain(`onCommand:${id}`);
      }
    }
  });
});
