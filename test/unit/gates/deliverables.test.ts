import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  describeLowScores,
  launchScoresBelowThreshold,
  parseDeliverables,
  validateDeliverables,
  type Design,
  type LaunchAssessment,
  type PrototypeTesting,
  type Research,
} from '../../../domain/gates/deliverables.js';
import { defaultReviewPolicy } from '../../../domain/policies.js';
import type { GateStage } from '../../../domain/gates/stages.js';

const hash = 'a'.repeat(64);

const research: Research = {
  methods: ['questionnaire', 'interview'],
  segments: ['retail savers'],
  findings: { needs: ['faster transfers'], painPoints: ['hidden fees'], expectations: ['clear pricing'] },
  attachments: [{ uri: 'https://files.example/r.pdf', sha256: hash }],
};
const design: Design = {
  functionalDesign: 'account opening in 3 steps',
  interfaceDesign: 'mobile-first screens',
  processDesign: 'KYC then funding',
  uxObjectives: ['open an account in under 5 minutes'],
};
const check = { functionalCompleteness: true, stability: true, compatibility: false, notes: 'fails on Android 9' };
const prototype: PrototypeTesting = {
  internalTest: { business: { ...check }, technology: { functionalCompleteness: true, stability: true, compatibility: true }, qa: { ...check } },
  userTest: { participants: 12, usability: 82.5, functionality: 90, satisfaction: 0, findings: ['button too small'] },
  optimisations: ['bigger confirm button'],
};
const launch: LaunchAssessment = {
  scores: { function: 90, performance: 85, security: 95, userExperience: 100 },
  report: 'ready',
  goLivePlan: 'pilot in two branches',
};

const valid: Record<GateStage, unknown> = {
  research,
  design,
  prototype_testing: prototype,
  launch_assessment: launch,
};

/** A deep copy of `base` with `change` applied to it. */
function variant<T>(base: T, change: (copy: any) => void): unknown {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

function problemAt(stage: GateStage, deliverables: unknown, path: string) {
  const problems = validateDeliverables(stage, deliverables);
  const found = problems.find((p) => p.path === path);
  expect(found, `no problem at ${path}; got ${JSON.stringify(problems)}`).toBeDefined();
  return found!;
}

describe('validateDeliverables: valid submissions', () => {
  it.each(Object.entries(valid))('%s fixture is valid', (stage, deliverables) => {
    expect(validateDeliverables(stage as GateStage, deliverables)).toEqual([]);
  });

  it('optional parts may be left out', () => {
    expect(validateDeliverables('research', variant(research, (d) => delete d.attachments))).toEqual([]);
    expect(validateDeliverables('research', variant(research, (d) => (d.attachments = [])))).toEqual([]);
    expect(validateDeliverables('design', { ...design, accessibilityNotes: 'WCAG 2.1 AA', attachments: [] })).toEqual([]);
    expect(validateDeliverables('launch_assessment', { ...launch, attachments: [{ uri: 's3://b/k', sha256: hash }] })).toEqual([]);
  });

  it('score edges 0 and 100 are valid', () => {
    const edges = variant(launch, (d) => (d.scores = { function: 0, performance: 100, security: 0, userExperience: 100 }));
    expect(validateDeliverables('launch_assessment', edges)).toEqual([]);
  });

  it('parseDeliverables narrows valid input and returns problems otherwise', () => {
    const ok = parseDeliverables('launch_assessment', launch);
    expect(ok.ok && ok.value.scores.security).toBe(95);
    const bad = parseDeliverables('design', {});
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.length).toBe(4);
  });
});

describe('validateDeliverables: not an object', () => {
  it.each([null, undefined, 'text', 42, [research]])('refuses %j as a whole', (value) => {
    expect(validateDeliverables('research', value)).toEqual([
      { path: 'deliverables', message: 'deliverables must be an object with the demand research report', code: 'required' },
    ]);
  });

  it('reports a non-gate stage at `stage` rather than throwing', () => {
    const problems = validateDeliverables('launched' as GateStage, {});
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('stage');
    expect(problems[0]?.message).toMatch(/"launched" is not a stage with a gate/);
    expect(validateDeliverables('__proto__' as GateStage, {})[0]?.path).toBe('stage');
  });

  it('uses the given base path', () => {
    expect(validateDeliverables('design', variant(design, (d) => delete d.processDesign), 'body.deliverables')[0]?.path)
      .toBe('body.deliverables.processDesign');
  });
});

// Each row: a stage, how to break its valid fixture, the path that must be named, and the words.
type Row = [GateStage, string, (d: any) => void, string, RegExp];
const missingParts: Row[] = [
  ['research', 'methods missing', (d) => delete d.methods, 'deliverables.methods',
    /^research report must list at least one method: questionnaire, interview, focus_group or competitor_analysis$/],
  ['research', 'methods empty', (d) => (d.methods = []), 'deliverables.methods', /at least one method/],
  ['research', 'methods not a list', (d) => (d.methods = 'interview'), 'deliverables.methods', /at least one method/],
  ['research', 'unknown method', (d) => (d.methods = ['interview', 'survey']), 'deliverables.methods[1]',
    /"survey" is not a research method/],
  ['research', 'segments missing', (d) => delete d.segments, 'deliverables.segments', /at least one user segment/],
  ['research', 'segments empty', (d) => (d.segments = []), 'deliverables.segments', /at least one user segment/],
  ['research', 'blank segment', (d) => (d.segments = ['a', '  ']), 'deliverables.segments[1]', /user segment must be non-empty text/],
  ['research', 'findings missing', (d) => delete d.findings, 'deliverables.findings', /findings with needs, painPoints and expectations/],
  ['research', 'findings a list', (d) => (d.findings = []), 'deliverables.findings', /must include findings/],
  ['research', 'needs missing', (d) => delete d.findings.needs, 'deliverables.findings.needs', /at least one user need/],
  ['research', 'painPoints empty', (d) => (d.findings.painPoints = []), 'deliverables.findings.painPoints', /at least one pain point/],
  ['research', 'expectations missing', (d) => delete d.findings.expectations, 'deliverables.findings.expectations',
    /at least one user expectation/],
  ['research', 'need not text', (d) => (d.findings.needs = [3]), 'deliverables.findings.needs[0]', /need must be non-empty text/],
  ['research', 'attachments not a list', (d) => (d.attachments = { uri: 'x' }), 'deliverables.attachments', /list of \{ uri, sha256 \}/],
  ['research', 'attachment not an object', (d) => (d.attachments = ['https://x']), 'deliverables.attachments[0]',
    /object with uri and sha256/],
  ['research', 'attachment uri missing', (d) => delete d.attachments[0].uri, 'deliverables.attachments[0].uri', /URI with a scheme/],
  ['research', 'attachment uri without scheme', (d) => (d.attachments[0].uri = 'files/r.pdf'), 'deliverables.attachments[0].uri',
    /URI with a scheme/],
  ['research', 'sha256 missing', (d) => delete d.attachments[0].sha256, 'deliverables.attachments[0].sha256', /64 hexadecimal/],
  ['research', 'sha256 63 chars', (d) => (d.attachments[0].sha256 = 'a'.repeat(63)), 'deliverables.attachments[0].sha256', /64 hexadecimal/],
  ['research', 'sha256 65 chars', (d) => (d.attachments[0].sha256 = 'a'.repeat(65)), 'deliverables.attachments[0].sha256', /64 hexadecimal/],
  ['research', 'sha256 not hex', (d) => (d.attachments[0].sha256 = 'g'.repeat(64)), 'deliverables.attachments[0].sha256', /64 hexadecimal/],
  ['research', 'sha256 with prefix', (d) => (d.attachments[0].sha256 = `sha256:${'a'.repeat(57)}`), 'deliverables.attachments[0].sha256',
    /64 hexadecimal/],

  ['design', 'functionalDesign missing', (d) => delete d.functionalDesign, 'deliverables.functionalDesign', /functional design/],
  ['design', 'interfaceDesign blank', (d) => (d.interfaceDesign = ' '), 'deliverables.interfaceDesign', /interface design/],
  ['design', 'processDesign not text', (d) => (d.processDesign = 1), 'deliverables.processDesign', /process design/],
  ['design', 'uxObjectives missing', (d) => delete d.uxObjectives, 'deliverables.uxObjectives', /at least one UX objective/],
  ['design', 'uxObjectives empty', (d) => (d.uxObjectives = []), 'deliverables.uxObjectives', /at least one UX objective/],
  ['design', 'accessibilityNotes not text', (d) => (d.accessibilityNotes = ['x']), 'deliverables.accessibilityNotes', /must be text/],
  ['design', 'bad attachment hash', (d) => (d.attachments = [{ uri: 'https://x', sha256: 'abc' }]), 'deliverables.attachments[0].sha256',
    /64 hexadecimal/],

  ['prototype_testing', 'internalTest missing', (d) => delete d.internalTest, 'deliverables.internalTest',
    /internal test by business, technology and QA/],
  ['prototype_testing', 'business check missing', (d) => delete d.internalTest.business, 'deliverables.internalTest.business',
    /business check/],
  ['prototype_testing', 'technology check missing', (d) => delete d.internalTest.technology, 'deliverables.internalTest.technology',
    /technology check/],
  ['prototype_testing', 'qa check missing', (d) => delete d.internalTest.qa, 'deliverables.internalTest.qa', /QA check/],
  ['prototype_testing', 'functionalCompleteness missing', (d) => delete d.internalTest.business.functionalCompleteness,
    'deliverables.internalTest.business.functionalCompleteness', /business internal test must state functionalCompleteness/],
  ['prototype_testing', 'stability not boolean', (d) => (d.internalTest.technology.stability = 'pass'),
    'deliverables.internalTest.technology.stability', /technology internal test must state stability as pass \(true\) or fail \(false\)/],
  ['prototype_testing', 'compatibility missing', (d) => delete d.internalTest.qa.compatibility,
    'deliverables.internalTest.qa.compatibility', /QA internal test must state compatibility/],
  ['prototype_testing', 'notes not text', (d) => (d.internalTest.qa.notes = 5), 'deliverables.internalTest.qa.notes', /notes.*must be text/],
  ['prototype_testing', 'userTest missing', (d) => delete d.userTest, 'deliverables.userTest', /must include the user test/],
  ['prototype_testing', 'participants missing', (d) => delete d.userTest.participants, 'deliverables.userTest.participants',
    /number of participants/],
  ['prototype_testing', 'participants zero', (d) => (d.userTest.participants = 0), 'deliverables.userTest.participants', /at least 1/],
  ['prototype_testing', 'participants fractional', (d) => (d.userTest.participants = 2.5), 'deliverables.userTest.participants',
    /whole number/],
  ['prototype_testing', 'usability missing', (d) => delete d.userTest.usability, 'deliverables.userTest.usability',
    /usability score must be a number from 0 to 100/],
  ['prototype_testing', 'functionality over 100', (d) => (d.userTest.functionality = 101), 'deliverables.userTest.functionality',
    /functionality score/],
  ['prototype_testing', 'satisfaction negative', (d) => (d.userTest.satisfaction = -1), 'deliverables.userTest.satisfaction',
    /satisfaction score/],
  ['prototype_testing', 'user findings missing', (d) => delete d.userTest.findings, 'deliverables.userTest.findings',
    /at least one finding/],
  ['prototype_testing', 'optimisations missing', (d) => delete d.optimisations, 'deliverables.optimisations',
    /at least one optimisation made after testing/],
  ['prototype_testing', 'optimisations empty', (d) => (d.optimisations = []), 'deliverables.optimisations', /at least one optimisation/],

  ['launch_assessment', 'scores missing', (d) => delete d.scores, 'deliverables.scores',
    /scores for function, performance, security and userExperience/],
  ['launch_assessment', 'function score missing', (d) => delete d.scores.function, 'deliverables.scores.function',
    /function score must be a number from 0 to 100/],
  ['launch_assessment', 'performance score as text', (d) => (d.scores.performance = '90'), 'deliverables.scores.performance',
    /performance score/],
  ['launch_assessment', 'security over 100', (d) => (d.scores.security = 100.5), 'deliverables.scores.security', /security score/],
  ['launch_assessment', 'userExperience NaN', (d) => (d.scores.userExperience = Number.NaN), 'deliverables.scores.userExperience',
    /userExperience score/],
  ['launch_assessment', 'report missing', (d) => delete d.report, 'deliverables.report', /assessment report/],
  ['launch_assessment', 'goLivePlan blank', (d) => (d.goLivePlan = ''), 'deliverables.goLivePlan', /go-live plan/],
];

describe('validateDeliverables: every missing or invalid part is named', () => {
  it.each(missingParts)('%s: %s', (stage, _label, change, path, message) => {
    const problem = problemAt(stage, variant(valid[stage], change), path);
    expect(problem.message).toMatch(message);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = validateDeliverables('design', {});
    expect(problems.map((p) => p.path)).toEqual([
      'deliverables.functionalDesign',
      'deliverables.interfaceDesign',
      'deliverables.processDesign',
      'deliverables.uxObjectives',
    ]);
    expect(validateDeliverables('research', {})).toHaveLength(3);
    expect(validateDeliverables('prototype_testing', {})).toHaveLength(3);
    expect(validateDeliverables('launch_assessment', {})).toHaveLength(3);
  });

  it('accepts an uppercase sha256 (hex is case-insensitive)', () => {
    const upper = variant(research, (d) => (d.attachments[0].sha256 = 'ABCDEF0123456789'.repeat(4)));
    expect(validateDeliverables('research', upper)).toEqual([]);
  });

  it('names each bad attachment by index', () => {
    const two = variant(research, (d) => (d.attachments = [{ uri: 'https://ok', sha256: hash }, { uri: '', sha256: '' }]));
    expect(validateDeliverables('research', two).map((p) => p.path)).toEqual([
      'deliverables.attachments[1].uri',
      'deliverables.attachments[1].sha256',
    ]);
  });
});

describe('validateDeliverables: unknown fields', () => {
  const unknownFields: [GateStage, string, (d: any) => void, RegExp][] = [
    ['research', 'deliverables.budget', (d) => (d.budget = 1), /unknown field "budget" is not part of the research report/],
    ['research', 'deliverables.findings.risks', (d) => (d.findings.risks = []), /unknown field "risks" .*research findings/],
    ['research', 'deliverables.attachments[0].size', (d) => (d.attachments[0].size = 3), /unknown field "size" .*attachment/],
    ['design', 'deliverables.colours', (d) => (d.colours = 'blue'), /unknown field "colours" .*design deliverables/],
    ['prototype_testing', 'deliverables.internalTest.security', (d) => (d.internalTest.security = check), /unknown field "security"/],
    ['prototype_testing', 'deliverables.internalTest.qa.speed', (d) => (d.internalTest.qa.speed = true), /unknown field "speed" .*QA internal test/],
    ['prototype_testing', 'deliverables.userTest.nps', (d) => (d.userTest.nps = 40), /unknown field "nps" .*user test/],
    ['launch_assessment', 'deliverables.scores.compliance', (d) => (d.scores.compliance = 90), /unknown field "compliance" .*scores/],
    ['launch_assessment', 'deliverables.approved', (d) => (d.approved = true), /unknown field "approved" .*launch assessment/],
  ];
  it.each(unknownFields)('%s: names %s', (stage, path, change, message) => {
    const problems = validateDeliverables(stage, variant(valid[stage], change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({ path, message: expect.stringMatching(message), code: 'unknown_field' });
  });

  it('a misspelt field is reported both as unknown and as the part it fails to provide', () => {
    const typo = variant(design, (d) => {
      d.uxObjective = d.uxObjectives;
      delete d.uxObjectives;
    });
    expect(validateDeliverables('design', typo).map((p) => p.path).sort()).toEqual([
      'deliverables.uxObjective',
      'deliverables.uxObjectives',
    ]);
  });

  it('a JSON "__proto__" key is an unknown field, not a prototype', () => {
    const hostile = JSON.parse('{"functionalDesign":"f","interfaceDesign":"i","processDesign":"p","uxObjectives":["u"],"__proto__":{"x":1}}');
    expect(validateDeliverables('design', hostile)).toEqual([
      { path: 'deliverables.__proto__', message: expect.stringMatching(/unknown field "__proto__"/), code: 'unknown_field' },
    ]);
  });

  it('echoes at most 40 characters of a hostile value', () => {
    const long = 'x'.repeat(10_000);
    const problem = problemAt('research', variant(research, (d) => (d.methods = [long])), 'deliverables.methods[0]');
    expect(problem.message.length).toBeLessThan(200);
  });
});

describe('validateDeliverables: never throws, whatever the input', () => {
  it.each(['research', 'design', 'prototype_testing', 'launch_assessment'] as const)('%s', (stage) => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }), (value) => {
        const problems = validateDeliverables(stage, value);
        expect(Array.isArray(problems)).toBe(true);
        // Random input is (almost surely) invalid, and then it must say where.
        for (const p of problems) expect(p.path.startsWith('deliverables')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('launchScoresBelowThreshold', () => {
  const thresholds = defaultReviewPolicy.launchThresholds; // function 80, performance 80, security 90, userExperience 80

  it('is empty when every score reaches its threshold (equal passes)', () => {
    expect(launchScoresBelowThreshold({ function: 80, performance: 80, security: 90, userExperience: 80 }, thresholds)).toEqual([]);
  });

  it.each([
    ['function', { function: 79.9, performance: 80, security: 90, userExperience: 80 }, 79.9, 80],
    ['performance', { function: 80, performance: 10, security: 90, userExperience: 80 }, 10, 80],
    ['security', { function: 100, performance: 100, security: 89, userExperience: 100 }, 89, 90],
    ['userExperience', { function: 80, performance: 80, security: 90, userExperience: 0 }, 0, 80],
  ] as const)('names a low %s score', (score, scores, value, threshold) => {
    expect(launchScoresBelowThreshold(scores, thresholds)).toEqual([{ score, value, threshold }]);
  });

  it('names every low score, in a fixed order', () => {
    const low = launchScoresBelowThreshold({ function: 50, performance: 60, security: 70, userExperience: 75 }, thresholds);
    expect(low.map((l) => l.score)).toEqual(['function', 'performance', 'security', 'userExperience']);
    expect(describeLowScores(low)).toBe('function 50 < 80, performance 60 < 80, security 70 < 90, userExperience 75 < 80');
  });
});
