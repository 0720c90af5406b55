/**
 * The prompts `archdoc mcp` offers an assistant: the method archdoc's workflows come from, written
 * down once. Drafting an RFC, reviewing one, and choosing which document a decision needs (with
 * `archdoc new`'s questions and rules, core/recommend.ts). Pure text.
 */
import { QUESTIONS } from './recommend.js';

export interface PromptArgument {
  name: string;
  description: string;
  required: boolean;
}

export interface PromptDef {
  name: string;
  title: string;
  description: string;
  arguments: PromptArgument[];
  /** The prompt's text for these arguments; `attached` is the document's Markdown, when the prompt brings one. */
  render(args: Record<string, string | undefined>, attached?: string): string;
}

const given = (label: string, value: string | undefined) => (value?.trim() ? `\n${label}: ${value.trim()}\n` : '');

export const PROMPTS: readonly PromptDef[] = [
  {
    name: 'draft_rfc',
    title: 'Draft an RFC',
    description:
      'Write an RFC the way reviewers can decide on it: the problem with evidence, criteria before options, two options or more, a recommendation that follows from the criteria.',
    arguments: [
      { name: 'title', description: 'the decision to make, in 2 to 6 words', required: false },
      { name: 'problem', description: 'what prompts the decision, as far as it is known', required: false },
    ],
    render: (a) =>
      `Draft an RFC for this repository with archdoc.${given('Title', a.title)}${given('Problem', a.problem)}
1. Create it with the create tool (kind "rfc"; name reviewers if known). Never write the file's frontmatter by hand; archdoc keeps it.
2. Write each section of the created document:
   - Problem Statement: the problem and its evidence (numbers, incidents, user reports), not the solution.
   - Goals and non-goals.
   - Evaluation Criteria, before any option: what a good answer must do, with a weight for each, in a table.
   - Options Analysis: at least two viable options, each with advantages and disadvantages and a rating against every criterion. "Do nothing" counts when it is viable.
   - Recommendation: the option the criteria favour, and the trade-offs accepted.
   - Technical Design and Implementation Plan in outline; Open Questions.
3. Use neutral language: no "obviously", "clearly", "simply", "best" in the analysis; let the ratings speak. archdoc check flags such words.
4. Run check on the file, fix what it reports, then ask next_steps for what REVIEW needs before set_status.`,
  },
  {
    name: 'review_rfc',
    title: 'Review an RFC',
    description: "A reviewer's checklist for an RFC, with the RFC's text.",
    arguments: [{ name: 'id', description: 'the RFC to review, e.g. RFC-0003', required: true }],
    render: (a, attached) =>
      `Review ${a.id ?? 'the RFC'} as one of its reviewers.

Checklist:
- Is the problem stated with evidence, separate from any solution?
- Were the evaluation criteria set before the options, and are they the ones that matter?
- Are there at least two viable options, each with honest advantages and disadvantages?
- Is every option rated against every criterion, and does the recommendation follow from the ratings?
- Is the language neutral (no loaded words such as "obviously", "clearly", "best")?
- Are the trade-offs accepted named, and the risks with their mitigations?
- Is it clear who is affected, and were they asked?
- What is left open, and is it safe to decide with it open?

Give your findings by section, then a verdict: approve, or what must change first. Record it with the review tool (status approved, or in-progress while changes are still asked for), and give the changes to the author.
${attached ? `\n---\n${attached}` : ''}`,
  },
  {
    name: 'choose_document',
    title: 'Choose a document',
    description: 'Which document a decision needs: RFC, ADR, tech spec or system design, from six questions.',
    arguments: [{ name: 'situation', description: 'the decision or change at hand', required: false }],
    render: (a) =>
      `Decide which document this needs.${given('Situation', a.situation)}
Answer each question yes or no:
${QUESTIONS.map((q, i) => `${i + 1}. ${q.text}`).join('\n')}

Then, the first rule that matches:
- A whole system's shape → a system design (kind "system-design").
- The approach decided and only the how missing → a tech spec (linked to the RFC it implements).
- Several viable options, and it crosses team boundaries, is costly to reverse or needs stakeholder review → an RFC.
- Otherwise → an ADR: record the decision taken and the alternatives considered.
Say the answer in one sentence with its reason, then create it with the create tool. The same rules answer at the command line: archdoc new ${QUESTIONS.map((q) => `--[no-]${q.flag}`).join(' ')} --explain.`,
  },
];
