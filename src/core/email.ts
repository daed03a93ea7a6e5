// The daily jobs' emails (SPEC §7): MailApp-friendly HTML and a plain-text alternative, in the locale.
import { daysBetween } from './day-span';
import type {
  Escalation,
  MemberDigest,
  ProblemRef,
  RollCall,
  SubtaskRef,
  TaskRef,
  TeamDigest,
} from './digest';
import { type EmailText, emailTexts } from './email-texts';
import { Status } from './enums';
import type { Locale } from './locale';

export interface EmailLinks {
  spreadsheetUrl: string;
  gids: { overview: number; progress: number; sync: number };
}

export interface RenderContext {
  locale: Locale;
  /** 'yyyy-MM-dd' in the spreadsheet's time zone. */
  today: string;
  links: EmailLinks;
  dueSoonDays: number;
  /** 'yyyy-MM-dd HH:mm' in the spreadsheet's time zone, for the footer. */
  now: string;
}

export interface Email {
  subject: string;
  htmlBody: string;
  body: string;
}

/** One line of a section: a (user) text, facts about it, and the row it opens. */
interface Item {
  text: string;
  details: string[];
  href: string | null;
}

/** Items under an optional caption (an owner, for lists grouped by owner). */
interface Group {
  caption: string | null;
  items: Item[];
}

interface Section {
  title: string;
  count: number;
  note: string | null;
  groups: Group[];
  /** Label/number pairs shown as a small table (the status counts). */
  table: { label: string; value: number }[] | null;
}

/** An email before it is written out: plain texts only, escaped by the HTML writer. */
interface Message {
  subject: string;
  greeting: string;
  intro: string;
  sections: Section[];
}

/** A link that opens the spreadsheet at a row: `${spreadsheetUrl}#gid=${gid}&range=A${row}`. */
export function rowLink(links: EmailLinks, sheet: 'overview' | 'progress' | 'sync', row: number): string {
  return `${links.spreadsheetUrl}#gid=${links.gids[sheet]}&range=A${row}`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export function renderMemberDigest(d: MemberDigest, ctx: RenderContext): Email {
  const tx = emailTexts(ctx.locale);
  return render(ctx, {
    subject: tx('subject.member', { name: d.member.name, date: ctx.today }),
    greeting: tx('greeting', { name: d.member.name }),
    intro: tx('intro.member'),
    sections: memberSections(d, ctx, tx),
  });
}

/** A member's own lists: overdue, due soon, not updated, problems, acceptances and retrospectives. */
function memberSections(d: MemberDigest, ctx: RenderContext, tx: EmailText): Section[] {
  const { task, due, overdue, progress, updated } = details(tx, ctx);
  const subtasks = (list: SubtaskRef[], facts: (s: SubtaskRef) => (string | null)[]) =>
    list.map((s) => subtaskItem(s, ctx, [task(s), ...facts(s)]));
  const tasks = (list: TaskRef[], facts: (t: TaskRef) => (string | null)[]) =>
    list.map((t) => taskItem(t, ctx, [tx('detail.owner', { name: t.owner }), ...facts(t)]));
  return [
    list(
      tx('section.overdue'),
      subtasks(d.overdue, (s) => [due(s.due), overdue(s.due), progress(s.progress)]),
    ),
    list(
      tx('section.dueSoon'),
      subtasks(d.dueSoon, (s) => [due(s.due), progress(s.progress)]),
      tx('note.dueSoon', { n: ctx.dueSoonDays }),
    ),
    list(
      tx('section.notUpdated'),
      subtasks(d.notUpdated, (s) => [updated(s.updatedOn), progress(s.progress)]),
    ),
    list(
      tx('section.problemsForMe'),
      d.problemsForMe.map((p) => problemItem(p, ctx, tx)),
    ),
    list(
      tx('section.awaitingAcceptance'),
      tasks(d.awaitingAcceptance, (t) => [due(t.due)]),
    ),
    list(
      tx('section.retrospectives'),
      tasks(d.retrospectives, () => []),
      tx('note.retrospectives'),
    ),
  ];
}

/**
 * The 主管's team digest; with `mine`, the 主管's own digest follows in the same email (one email per recipient per
 * job), its headings marked as theirs.
 */
export function renderTeamDigest(d: TeamDigest, ctx: RenderContext, mine?: MemberDigest): Email {
  const tx = emailTexts(ctx.locale);
  const { due, overdue, status } = details(tx, ctx);
  const owner = (t: TaskRef) => tx('detail.owner', { name: t.owner });
  const table = Status.codes.map((code) => ({
    label: Status.label(code, ctx.locale),
    value: d.counts[code],
  }));
  const total = table.reduce((sum, c) => sum + c.value, 0);
  const own = (mine ? memberSections(mine, ctx, tx) : []).map((sec) => ({
    ...sec,
    title: tx('section.mine', { title: sec.title }),
  }));
  return render(ctx, {
    subject: tx('subject.team', { date: ctx.today }),
    greeting: tx('greeting', { name: d.manager.name }),
    intro: tx('intro.team', { date: ctx.today }),
    sections: [
      list(
        tx('section.jobsAccount'),
        d.jobsAccount ? [{ text: d.jobsAccount, details: [], href: null }] : [],
        tx('note.jobsAccount'),
      ),
      { title: tx('section.counts'), count: total, note: null, groups: [], table },
      list(
        tx('section.overdueTasks'),
        d.overdue.map((t) => taskItem(t, ctx, [owner(t), due(t.due), overdue(t.due), status(t)])),
      ),
      byOwner(tx('section.nonUpdaters'), d.nonUpdaters, ctx, tx),
      list(
        tx('section.problemsOver24h'),
        d.problemsOver24h.map((p) => problemItem(p, ctx, tx)),
      ),
      list(
        tx('section.acceptanceOver2Days'),
        d.acceptanceOver2Days.map((t) => taskItem(t, ctx, [owner(t), tx('detail.pending', { n: t.days })])),
      ),
      list(
        tx('section.skipped'),
        d.skipped.map((email) => ({ text: email, details: [], href: null })),
        tx('note.skipped'),
      ),
      ...own,
    ],
  });
}

export function renderRollCall(r: RollCall, ctx: RenderContext): Email {
  const tx = emailTexts(ctx.locale);
  const { task, progress, updated } = details(tx, ctx);
  return render(ctx, {
    subject: tx('subject.rollCall', { date: ctx.today }),
    greeting: tx('greeting', { name: r.member.name }),
    intro: tx('intro.rollCall'),
    sections: [
      list(
        tx('section.rollCall'),
        r.subtasks.map((s) => subtaskItem(s, ctx, [task(s), updated(s.updatedOn), progress(s.progress)])),
      ),
    ],
  });
}

export function renderEscalation(e: Escalation, ctx: RenderContext): Email {
  const tx = emailTexts(ctx.locale);
  return render(ctx, {
    subject: tx('subject.escalation', { date: ctx.today }),
    greeting: tx('greeting', { name: e.member.name }),
    intro: tx('intro.escalation'),
    sections: [
      byOwner(tx('section.nonUpdatersToday'), e.nonUpdaters, ctx, tx),
      list(
        tx('section.problemsOver24h'),
        e.problemsOver24h.map((p) => problemItem(p, ctx, tx)),
      ),
    ],
  });
}

/** The facts an item can show, each null when there is nothing to say. */
function details(tx: EmailText, ctx: RenderContext) {
  return {
    task: (s: SubtaskRef) => tx('detail.task', { name: s.taskName, id: s.taskId }),
    due: (date: string | null) => (date ? tx('detail.due', { date }) : null),
    overdue: (date: string | null) =>
      date ? tx('detail.overdue', { n: daysBetween(date, ctx.today) }) : null,
    progress: (n: number | null) => (n === null ? null : tx('detail.progress', { n })),
    updated: (date: string | null) => (date ? tx('detail.updated', { date }) : tx('detail.neverUpdated')),
    status: (t: TaskRef) =>
      t.status ? tx('detail.status', { status: Status.label(t.status, ctx.locale) }) : null,
  };
}

const labelOf = (id: string, name: string) => [id, name].filter(Boolean).join(' ');
const present = (facts: (string | null)[]) => facts.filter((f): f is string => f !== null);

function subtaskItem(s: SubtaskRef, ctx: RenderContext, facts: (string | null)[]): Item {
  return {
    text: labelOf(s.subtaskId, s.name),
    details: present(facts),
    href: rowLink(ctx.links, 'progress', s.row),
  };
}

function taskItem(t: TaskRef, ctx: RenderContext, facts: (string | null)[]): Item {
  return {
    text: labelOf(t.taskId, t.name),
    details: present(facts),
    href: rowLink(ctx.links, 'overview', t.row),
  };
}

function problemItem(p: ProblemRef, ctx: RenderContext, tx: EmailText): Item {
  return {
    text: p.text,
    details: present([
      tx('detail.task', { name: p.taskName, id: p.taskId }),
      p.subtaskId ? tx('detail.subtask', { id: p.subtaskId }) : null,
      tx('detail.raisedBy', { name: p.raisedBy }),
      tx('detail.waited', { n: p.hours }),
    ]),
    href: rowLink(ctx.links, p.source, p.row),
  };
}

function list(title: string, items: Item[], note: string | null = null): Section {
  return { title, count: items.length, note, groups: [{ caption: null, items }], table: null };
}

/** Subtasks grouped by owner; the heading counts the people, each caption their subtasks. */
function byOwner(
  title: string,
  groups: { owner: string; subtasks: SubtaskRef[] }[],
  ctx: RenderContext,
  tx: EmailText,
): Section {
  const { task, progress, updated } = details(tx, ctx);
  return {
    title,
    count: groups.length,
    note: null,
    groups: groups.map((g) => ({
      caption: tx('heading', { title: g.owner, count: g.subtasks.length }),
      items: g.subtasks.map((s) =>
        subtaskItem(s, ctx, [task(s), updated(s.updatedOn), progress(s.progress)]),
      ),
    })),
    table: null,
  };
}

/** A section lists at most this many items (its heading keeps the full count); the rest are in the spreadsheet. */
export const MAX_ITEMS_PER_SECTION = 30;

function capped(s: Section, ctx: RenderContext, tx: EmailText): Section {
  let budget = MAX_ITEMS_PER_SECTION;
  let hidden = 0;
  const groups = s.groups.flatMap((g) => {
    const items = g.items.slice(0, Math.max(0, budget));
    budget -= items.length;
    hidden += g.items.length - items.length;
    return items.length ? [{ ...g, items }] : [];
  });
  if (hidden === 0) return s;
  const more = { text: tx('more', { n: hidden }), details: [], href: ctx.links.spreadsheetUrl };
  return { ...s, groups: [...groups, { caption: null, items: [more] }] };
}

/** Drops empty sections, caps long ones, and writes the message out as an email. */
function render(ctx: RenderContext, m: Message): Email {
  const tx = emailTexts(ctx.locale);
  const sections = m.sections.filter((s) => s.table !== null || s.count > 0).map((s) => capped(s, ctx, tx));
  const shown = { ...m, sections };
  return {
    subject: `${tx('prefix')}${m.subject}`.replace(/\s+/g, ' ').trim(),
    htmlBody: htmlOf(shown, ctx, tx),
    body: textOf(shown, ctx, tx),
  };
}

/** Whether any list is left to show (the status table alone is no news). */
const hasItems = (m: Message) => m.sections.some((s) => s.table === null);
const heading = (s: Section, tx: EmailText) => tx('heading', { title: s.title, count: s.count });

const CSS = {
  page: 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124;max-width:640px',
  p: 'margin:0 0 12px',
  h: 'font-size:15px;font-weight:bold;margin:20px 0 6px',
  note: 'margin:0 0 6px;color:#5f6368',
  caption: 'margin:8px 0 2px;font-weight:bold',
  ul: 'margin:0 0 8px;padding-left:20px',
  li: 'margin:0 0 6px',
  a: 'color:#1a73e8',
  details: 'color:#5f6368;font-size:13px',
  table: 'border-collapse:collapse;margin:0 0 8px',
  th: 'border:1px solid #dadce0;background:#f1f3f4;padding:4px 10px;font-weight:normal',
  td: 'border:1px solid #dadce0;padding:4px 10px;text-align:center',
  footer: 'margin:24px 0 0;padding-top:8px;border-top:1px solid #dadce0;color:#5f6368;font-size:12px',
};

// The HTML writer: every text goes through escapeHtml, the markup is its own.

const paragraph = (style: string, text: string) => `<p style="${style}">${escapeHtml(text)}</p>`;

const anchor = (href: string, text: string) =>
  `<a href="${escapeHtml(href)}" style="${CSS.a}">${escapeHtml(text)}</a>`;

function itemHtml(i: Item): string {
  const text = i.href ? anchor(i.href, i.text) : escapeHtml(i.text);
  const facts = i.details.length
    ? `<br><span style="${CSS.details}">${escapeHtml(i.details.join(' · '))}</span>`
    : '';
  return `<li style="${CSS.li}">${text}${facts}</li>`;
}

function groupHtml(g: Group): string {
  const caption = g.caption ? paragraph(CSS.caption, g.caption) : '';
  return `${caption}<ul style="${CSS.ul}">${g.items.map(itemHtml).join('')}</ul>`;
}

function tableHtml(cells: { label: string; value: number }[]): string {
  const labels = cells.map((c) => `<th style="${CSS.th}">${escapeHtml(c.label)}</th>`).join('');
  const values = cells.map((c) => `<td style="${CSS.td}">${c.value}</td>`).join('');
  return `<table style="${CSS.table}"><tr>${labels}</tr><tr>${values}</tr></table>`;
}

function sectionHtml(s: Section, tx: EmailText): string {
  const note = s.note ? paragraph(CSS.note, s.note) : '';
  const content = s.table ? tableHtml(s.table) : s.groups.map(groupHtml).join('');
  return `<div style="${CSS.h}">${escapeHtml(heading(s, tx))}</div>${note}${content}`;
}

function htmlOf(m: Message, ctx: RenderContext, tx: EmailText): string {
  const footer = `${escapeHtml(tx('footer', { now: ctx.now }))} · ${anchor(ctx.links.spreadsheetUrl, tx('openSheet'))}`;
  return [
    `<div style="${CSS.page}">`,
    paragraph(CSS.p, m.greeting),
    paragraph(CSS.p, m.intro),
    ...m.sections.map((s) => sectionHtml(s, tx)),
    ...(hasItems(m) ? [] : [paragraph(CSS.p, tx('nothing'))]),
    `<p style="${CSS.footer}">${footer}</p>`,
    '</div>',
  ].join('\n');
}

// The plain-text writer: the same content, links written out under each item.

function itemLines(i: Item, indent: string): string[] {
  const below = [i.details.join(' · '), i.href ?? ''].filter(Boolean);
  return [`${indent}- ${i.text}`, ...below.map((line) => `${indent}  ${line}`)];
}

function groupLines(g: Group): string[] {
  if (!g.caption) return g.items.flatMap((i) => itemLines(i, ''));
  return [g.caption, ...g.items.flatMap((i) => itemLines(i, '  '))];
}

function sectionText(s: Section, tx: EmailText): string {
  const content = s.table
    ? [s.table.map((c) => `${c.label} ${c.value}`).join(' · ')]
    : s.groups.flatMap(groupLines);
  return [`■ ${heading(s, tx)}`, ...(s.note ? [s.note] : []), ...content].join('\n');
}

function textOf(m: Message, ctx: RenderContext, tx: EmailText): string {
  const footer = ['--', tx('footer', { now: ctx.now }), tx('openSheetAt', { url: ctx.links.spreadsheetUrl })];
  return [
    m.greeting,
    m.intro,
    ...m.sections.map((s) => sectionText(s, tx)),
    ...(hasItems(m) ? [] : [tx('nothing')]),
    footer.join('\n'),
  ].join('\n\n');
}
