// The daily emails: subjects, sections, links, counts and escaping, in zh-CN and en.
import { describe, expect, it } from 'vitest';
import type {
  Escalation,
  MemberDigest,
  ProblemRef,
  RollCall,
  SubtaskRef,
  TaskRef,
  TeamDigest,
} from '../../src/core/digest';
import {
  type Email,
  type EmailLinks,
  escapeHtml,
  type RenderContext,
  renderEscalation,
  renderMemberDigest,
  renderRollCall,
  renderTeamDigest,
  rowLink,
} from '../../src/core/email';
import type { Locale } from '../../src/core/locale';
import type { Member } from '../../src/core/records';

const SHEET_URL = 'https://docs.google.com/spreadsheets/d/abc123/edit';
const LINKS: EmailLinks = { spreadsheetUrl: SHEET_URL, gids: { overview: 11, progress: 22, sync: 33 } };
const ctx = (locale: Locale, over: Partial<RenderContext> = {}): RenderContext => ({
  locale,
  today: '2024-10-17',
  links: LINKS,
  dueSoonDays: 2,
  now: '2024-10-17 09:00',
  ...over,
});
const LOCALES: Locale[] = ['zh-CN', 'en'];

const person = (name: string, role: Member['role'] = 'member'): Member => ({
  row: 2,
  name,
  email: 'ming@example.com',
  role,
  group: '研发',
  digest: true,
});
const subtask = (over: Partial<SubtaskRef> = {}): SubtaskRef => ({
  subtaskId: '产品迭代2024-001-01',
  taskId: '产品迭代2024-001',
  taskName: '新版首页',
  name: '接口联调',
  owner: '*明',
  due: '2024-10-15',
  progress: 40,
  updatedOn: '2024-10-15',
  row: 5,
  ...over,
});
const task = (over: Partial<TaskRef> = {}): TaskRef => ({
  taskId: '产品迭代2024-002',
  name: '数据看板',
  initiator: '*强',
  owner: '*明',
  due: '2024-10-20',
  status: 'pending_acceptance',
  row: 7,
  ...over,
});
const problem = (over: Partial<ProblemRef> = {}): ProblemRef => ({
  taskId: '产品迭代2024-001',
  taskName: '新版首页',
  subtaskId: null,
  text: '接口文档缺失',
  raisedBy: '*强',
  since: 0,
  hours: 30,
  source: 'sync',
  row: 9,
  to: ['*明'],
  ...over,
});
const memberDigest = (over: Partial<MemberDigest> = {}): MemberDigest => ({
  member: person('*明'),
  overdue: [],
  dueSoon: [],
  notUpdated: [],
  problemsForMe: [],
  awaitingAcceptance: [],
  retrospectives: [],
  ...over,
});
const teamDigest = (over: Partial<TeamDigest> = {}): TeamDigest => ({
  manager: person('*强', 'manager'),
  counts: { not_started: 3, in_progress: 5, pending_acceptance: 2, done: 1, cancelled: 1 },
  overdue: [],
  nonUpdaters: [],
  problemsOver24h: [],
  acceptanceOver2Days: [],
  skipped: [],
  jobsAccount: null,
  ...over,
});

const fullMemberDigest = memberDigest({
  overdue: [subtask({ row: 5 })],
  dueSoon: [subtask({ subtaskId: '产品迭代2024-001-02', due: '2024-10-18', row: 6 })],
  notUpdated: [subtask({ row: 5 }), subtask({ subtaskId: '产品迭代2024-001-03', updatedOn: null, row: 8 })],
  problemsForMe: [problem({ row: 9 })],
  awaitingAcceptance: [task({ row: 7 })],
  retrospectives: [task({ taskId: '产品迭代2024-003', status: 'done', row: 12 })],
});

/** Headings as the emails write them: title and count. */
const headingOf = (locale: Locale, title: string, count: number | string) =>
  locale === 'en' ? `${title} (${count})` : `${title}(${count})`;

const MEMBER_TITLES = {
  overdue: { zh: '已逾期', en: 'Overdue' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  notUpdated: { zh: '上个工作日未更新', en: 'Not updated on the last working day' },
  problemsForMe: { zh: '待我响应的问题', en: 'Problems awaiting your response' },
  awaitingAcceptance: { zh: '等待我验收', en: 'Awaiting your acceptance' },
  retrospectives: { zh: '待复盘', en: 'Retrospectives due' },
} as const;
const title = (t: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? t.en : t.zh);

/** Both bodies contain the text (escaped in the HTML). */
function expectInBoth(email: Email, text: string) {
  expect(email.htmlBody).toContain(escapeHtml(text));
  expect(email.body).toContain(text);
}
function expectInNeither(email: Email, text: string) {
  expect(email.htmlBody).not.toContain(escapeHtml(text));
  expect(email.body).not.toContain(text);
}

describe('rowLink and escapeHtml', () => {
  it.each([
    ['overview', 7, `${SHEET_URL}#gid=11&range=A7`],
    ['progress', 5, `${SHEET_URL}#gid=22&range=A5`],
    ['sync', 120, `${SHEET_URL}#gid=33&range=A120`],
  ] as const)('links %s row %i', (sheet, row, href) => {
    expect(rowLink(LINKS, sheet, row)).toBe(href);
  });

  it.each([
    ['<script>', '&lt;script&gt;'],
    ['a "b"', 'a &quot;b&quot;'],
    ["it's", 'it&#39;s'],
    ['R&D &amp;', 'R&amp;D &amp;amp;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['普通文本', '普通文本'],
  ])('escapes %s', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe('subjects', () => {
  const escalation: Escalation = { member: person('*强', 'lead'), nonUpdaters: [], problemsOver24h: [] };
  const rollCall: RollCall = { member: person('*明'), subtasks: [subtask()] };
  it.each([
    [
      'zh-CN',
      '【任务同步】每日摘要 · *明 · 2024-10-17',
      () => renderMemberDigest(fullMemberDigest, ctx('zh-CN')),
    ],
    [
      'en',
      '[Task Sync] Daily digest · *明 · 2024-10-17',
      () => renderMemberDigest(fullMemberDigest, ctx('en')),
    ],
    ['zh-CN', '【任务同步】团队摘要 · 2024-10-17', () => renderTeamDigest(teamDigest(), ctx('zh-CN'))],
    ['en', '[Task Sync] Team digest · 2024-10-17', () => renderTeamDigest(teamDigest(), ctx('en'))],
    ['zh-CN', '【任务同步】17:00 前请更新进度 · 2024-10-17', () => renderRollCall(rollCall, ctx('zh-CN'))],
    [
      'en',
      '[Task Sync] Please update your progress before 17:00 · 2024-10-17',
      () => renderRollCall(rollCall, ctx('en')),
    ],
    [
      'zh-CN',
      '【任务同步】今日未更新与待响应问题 · 2024-10-17',
      () => renderEscalation(escalation, ctx('zh-CN')),
    ],
    [
      'en',
      '[Task Sync] Not updated today and problems awaiting a response · 2024-10-17',
      () => renderEscalation(escalation, ctx('en')),
    ],
  ])('%s: %s', (_locale, subject, render) => {
    expect(render().subject).toBe(subject);
  });

  it('keeps a name with a line break or `$&` on one line, as written', () => {
    const email = renderMemberDigest(
      memberDigest({ member: person('张\n三 $&'), overdue: [subtask()] }),
      ctx('en'),
    );
    expect(email.subject).toBe('[Task Sync] Daily digest · 张 三 $& · 2024-10-17');
  });
});

describe.each(LOCALES)('member digest (%s)', (locale) => {
  it('shows every non-empty section with its count', () => {
    const email = renderMemberDigest(fullMemberDigest, ctx(locale));
    const counts = {
      overdue: 1,
      dueSoon: 1,
      notUpdated: 2,
      problemsForMe: 1,
      awaitingAcceptance: 1,
      retrospectives: 1,
    };
    for (const [key, count] of Object.entries(counts))
      expectInBoth(email, headingOf(locale, title(MEMBER_TITLES[key as keyof typeof counts], locale), count));
  });

  it('leaves out empty sections', () => {
    const email = renderMemberDigest(
      memberDigest({ dueSoon: [subtask({ due: '2024-10-18' })] }),
      ctx(locale),
    );
    expectInBoth(email, headingOf(locale, title(MEMBER_TITLES.dueSoon, locale), 1));
    for (const key of [
      'overdue',
      'notUpdated',
      'problemsForMe',
      'awaitingAcceptance',
      'retrospectives',
    ] as const)
      expectInNeither(email, title(MEMBER_TITLES[key], locale));
  });

  it('says how many days a subtask is overdue', () => {
    const email = renderMemberDigest(
      memberDigest({ overdue: [subtask({ due: '2024-10-15' }), subtask({ due: '2024-10-16', row: 6 })] }),
      ctx(locale),
    );
    const [two, one] =
      locale === 'en' ? ['Overdue by 2 days', 'Overdue by 1 day ·'] : ['逾期 2 天', '逾期 1 天'];
    expectInBoth(email, two);
    expectInBoth(email, one);
  });

  it('names the due-soon window from the settings and the retrospective rule', () => {
    const email = renderMemberDigest(fullMemberDigest, ctx(locale, { dueSoonDays: 3 }));
    expectInBoth(email, locale === 'en' ? 'Due within 3 working days.' : '截止日期在 3 个工作日内。');
    expectInBoth(
      email,
      locale === 'en'
        ? 'Please hold the retrospective within 3 working days and record the conclusions in Notes.'
        : '请在 3 个工作日内召开复盘会,并把结论记录到备注。',
    );
  });

  it('says who raised a problem and how long it has waited', () => {
    const email = renderMemberDigest(fullMemberDigest, ctx(locale));
    expectInBoth(email, locale === 'en' ? 'Raised by *强' : '提出人:*强');
    expectInBoth(email, locale === 'en' ? 'Waiting 30 hours' : '已等待 30 小时');
  });

  it('links each item to its row: subtasks → progress, tasks → overview, problems → their sheet', () => {
    const digest = memberDigest({
      overdue: [subtask({ row: 5 })],
      problemsForMe: [problem({ source: 'sync', row: 9 }), problem({ source: 'progress', row: 14 })],
      awaitingAcceptance: [task({ row: 7 })],
    });
    const email = renderMemberDigest(digest, ctx(locale));
    for (const href of [
      `${SHEET_URL}#gid=22&range=A5`,
      `${SHEET_URL}#gid=33&range=A9`,
      `${SHEET_URL}#gid=22&range=A14`,
      `${SHEET_URL}#gid=11&range=A7`,
    ]) {
      expect(email.htmlBody).toContain(`href="${escapeHtml(href)}"`);
      expect(email.body).toContain(href);
    }
  });

  it('marks a subtask never updated', () => {
    const email = renderMemberDigest(
      memberDigest({ notUpdated: [subtask({ updatedOn: null })] }),
      ctx(locale),
    );
    expectInBoth(email, locale === 'en' ? 'Never updated' : '从未更新');
  });
});

describe.each(LOCALES)('team digest (%s)', (locale) => {
  const labels =
    locale === 'en'
      ? ['Not started', 'In progress', 'Pending acceptance', 'Done', 'Cancelled']
      : ['未开始', '进行中', '待验收', '已完成', '已取消'];

  it('tabulates the counts by status, in status order, under a heading with the total', () => {
    const email = renderTeamDigest(teamDigest(), ctx(locale));
    const cells = [...email.htmlBody.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
    expect(cells).toEqual([...labels, '3', '5', '2', '1', '1']);
    expect(email.body).toContain(labels.map((l, i) => `${l} ${[3, 5, 2, 1, 1][i]}`).join(' · '));
    expectInBoth(email, headingOf(locale, locale === 'en' ? 'Tasks by status' : '任务状态', 12));
  });

  it('shows only the non-empty lists, with their counts, and says when there is nothing else', () => {
    const quiet = renderTeamDigest(teamDigest(), ctx(locale));
    expectInBoth(quiet, locale === 'en' ? 'Nothing needs attention today.' : '今天没有需要处理的事项。');
    const busy = renderTeamDigest(
      teamDigest({
        overdue: [task({ status: 'in_progress', due: '2024-10-14' })],
        problemsOver24h: [problem(), problem({ row: 10 })],
        acceptanceOver2Days: [{ ...task(), days: 3 }],
      }),
      ctx(locale),
    );
    const [overdue, problems, acceptance, nonUpdaters, skipped] =
      locale === 'en'
        ? [
            'Overdue tasks',
            'Problems with no response for over 24 hours',
            'Pending acceptance for over 2 working days',
            'People who did not update on the last working day',
            'Not sent last time',
          ]
        : [
            '逾期任务',
            '超过 24 小时未响应的问题',
            '待验收超过 2 个工作日',
            '上个工作日未更新的人员',
            '上次因邮件额度不足未发送',
          ];
    expectInBoth(busy, headingOf(locale, overdue, 1));
    expectInBoth(busy, headingOf(locale, problems, 2));
    expectInBoth(busy, headingOf(locale, acceptance, 1));
    expectInNeither(busy, nonUpdaters);
    expectInNeither(busy, skipped);
    expectInNeither(busy, locale === 'en' ? 'Nothing needs attention' : '今天没有需要处理的事项');
    expectInBoth(busy, locale === 'en' ? 'Overdue by 3 days' : '逾期 3 天');
    expectInBoth(busy, locale === 'en' ? 'Status: In progress' : '状态:进行中');
    expectInBoth(busy, locale === 'en' ? 'Pending 3 working days' : '已待验收 3 个工作日');
  });

  it('groups last working day non-updaters by owner: the heading counts people, each owner their subtasks', () => {
    const email = renderTeamDigest(
      teamDigest({
        nonUpdaters: [
          { owner: '*明', subtasks: [subtask({ row: 5 }), subtask({ row: 6 })] },
          { owner: '*红', subtasks: [subtask({ owner: '*红', row: 8 })] },
        ],
      }),
      ctx(locale),
    );
    expectInBoth(
      email,
      headingOf(
        locale,
        locale === 'en' ? 'People who did not update on the last working day' : '上个工作日未更新的人员',
        2,
      ),
    );
    expectInBoth(email, headingOf(locale, '*明', 2));
    expectInBoth(email, headingOf(locale, '*红', 1));
    expect(email.body.indexOf('*红')).toBeGreaterThan(email.body.indexOf(`${SHEET_URL}#gid=22&range=A6`));
  });

  it("adds the 主管's own digest, headings marked as theirs, only when given and non-empty", () => {
    const mine = memberDigest({ member: person('*强', 'manager'), overdue: [subtask({ row: 15 })] });
    const email = renderTeamDigest(teamDigest(), ctx(locale), mine);
    const [prefix, overdue, dueSoon] =
      locale === 'en' ? ['Your items · ', 'Overdue', 'Due soon'] : ['我的事项 · ', '已逾期', '即将到期'];
    expectInBoth(email, headingOf(locale, `${prefix}${overdue}`, 1));
    expectInNeither(email, `${prefix}${dueSoon}`);
    expect(email.body).toContain(`${SHEET_URL}#gid=22&range=A15`);
    expectInNeither(renderTeamDigest(teamDigest(), ctx(locale)), prefix.trim());
  });

  it('lists the recipients the mail quota skipped last time', () => {
    const email = renderTeamDigest(teamDigest({ skipped: ['a@example.com', 'b@example.com'] }), ctx(locale));
    expectInBoth(
      email,
      headingOf(
        locale,
        locale === 'en' ? 'Not sent last time: daily mail quota used up' : '上次因邮件额度不足未发送',
        2,
      ),
    );
    expectInBoth(email, 'a@example.com');
    expectInBoth(email, 'b@example.com');
    expect(email.htmlBody).not.toContain('mailto:');
  });
});

describe.each(LOCALES)('roll call and escalation (%s)', (locale) => {
  it('asks for an update before 17:00 in the sidebar, listing the subtasks', () => {
    const email = renderRollCall(
      { member: person('*明'), subtasks: [subtask({ row: 5 }), subtask({ row: 6 })] },
      ctx(locale),
    );
    expectInBoth(email, locale === 'en' ? 'before 17:00' : '请在 17:00 前');
    expectInBoth(email, locale === 'en' ? '"Update progress"' : '「更新进度」');
    expectInBoth(
      email,
      headingOf(locale, locale === 'en' ? 'Subtasks with no update today' : '今日尚未更新的子任务', 2),
    );
    expect(email.body).toContain(`${SHEET_URL}#gid=22&range=A6`);
  });

  it('escalates non-updaters by owner and stale problems, each section only when non-empty', () => {
    const both = renderEscalation(
      {
        member: person('*强', 'manager'),
        nonUpdaters: [{ owner: '*明', subtasks: [subtask()] }],
        problemsOver24h: [problem({ hours: 1 })],
      },
      ctx(locale),
    );
    const [people, problems] =
      locale === 'en'
        ? ['People who have not updated today', 'Problems with no response for over 24 hours']
        : ['今日未更新的人员', '超过 24 小时未响应的问题'];
    expectInBoth(both, headingOf(locale, people, 1));
    expectInBoth(both, headingOf(locale, problems, 1));
    expectInBoth(both, locale === 'en' ? 'Waiting 1 hour' : '已等待 1 小时');
    expect(both.body).not.toContain('1 hours');
    const onlyPeople = renderEscalation(
      {
        member: person('*强', 'lead'),
        nonUpdaters: [{ owner: '*明', subtasks: [subtask()] }],
        problemsOver24h: [],
      },
      ctx(locale),
    );
    expectInNeither(onlyPeople, problems);
  });
});

describe.each(LOCALES)('safety and layout (%s)', (locale) => {
  const HOSTILE = `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>`;
  const evil = (n: number) => `${HOSTILE} #${n}`;
  const hostileSubtask = subtask({
    subtaskId: evil(1),
    taskId: evil(2),
    taskName: evil(3),
    name: evil(4),
    owner: evil(5),
  });
  const hostileProblem = problem({ text: evil(6), raisedBy: evil(7), taskName: evil(8), subtaskId: evil(9) });
  const hostileTask = task({ taskId: evil(10), name: evil(11), owner: evil(12) });
  const emails: [string, Email, number[]][] = [
    [
      'member digest',
      renderMemberDigest(
        memberDigest({
          member: person(evil(13)),
          overdue: [hostileSubtask],
          problemsForMe: [hostileProblem],
          awaitingAcceptance: [hostileTask],
        }),
        ctx(locale),
      ),
      [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13],
    ],
    [
      'team digest',
      renderTeamDigest(
        teamDigest({
          manager: person(evil(14), 'manager'),
          overdue: [hostileTask],
          nonUpdaters: [{ owner: evil(5), subtasks: [hostileSubtask] }],
          problemsOver24h: [hostileProblem],
          skipped: [evil(15)],
        }),
        ctx(locale),
      ),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15],
    ],
    [
      'roll call',
      renderRollCall({ member: person(evil(16)), subtasks: [hostileSubtask] }, ctx(locale)),
      [1, 2, 3, 4, 16],
    ],
    [
      'escalation',
      renderEscalation(
        {
          member: person(evil(17), 'lead'),
          nonUpdaters: [{ owner: evil(5), subtasks: [hostileSubtask] }],
          problemsOver24h: [hostileProblem],
        },
        ctx(locale),
      ),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 17],
    ],
  ];

  it.each(emails)(
    '%s escapes every user string in the HTML and keeps it as is in the text',
    (_name, email, ids) => {
      for (const n of ids) {
        expect(email.htmlBody).toContain(escapeHtml(evil(n)));
        expect(email.body).toContain(evil(n));
      }
      expect(email.htmlBody).not.toMatch(/<script|<img|onerror=alert\(1\)>|"x"|'q'/);
    },
  );

  it.each(emails)('%s has no markup in its plain text', (_name, email) => {
    expect(email.body.replaceAll(HOSTILE, '')).not.toMatch(/<\/?[a-z!]/i);
    expect(email.htmlBody).toMatch(/<(p|div|ul|li|a) /);
  });

  it.each(emails)('%s references no URL but the spreadsheet and no external resource', (_name, email) => {
    const tags = email.htmlBody.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(5);
    for (const tag of tags) {
      const [, name, attrs] = /^<(\w+)(.*)>$/s.exec(tag)!;
      expect(['div', 'p', 'ul', 'li', 'a', 'br', 'span', 'table', 'tr', 'th', 'td']).toContain(name);
      expect(attrs!.replace(/\s[\w-]+="[^"]*"/g, '').trim(), tag).toBe('');
      for (const [, attr, value] of attrs!.matchAll(/\s([\w-]+)="([^"]*)"/g)) {
        expect(['style', 'href']).toContain(attr);
        if (attr === 'href') expect(value!.startsWith(SHEET_URL), value).toBe(true);
        else expect(value).not.toMatch(/url\(|@import|expression/i);
      }
    }
    for (const url of email.htmlBody.match(/[a-z][\w+.-]*:\/\/[^\s"<]*/gi) ?? [])
      expect(url.startsWith(SHEET_URL), url).toBe(true);
  });

  it.each(emails)(
    '%s ends with the footer naming the sender, the time and the spreadsheet',
    (_name, email) => {
      const sent =
        locale === 'en' ? 'Sent by Task Sync · 2024-10-17 09:00' : '由任务同步自动发送 · 2024-10-17 09:00';
      expectInBoth(email, sent);
      expect(email.htmlBody).toContain(`<a href="${SHEET_URL}"`);
      expect(email.body.trimEnd().endsWith(SHEET_URL)).toBe(true);
    },
  );

  it.each(emails)('%s uses a table only for the status counts', (name, email) => {
    expect((email.htmlBody.match(/<table/g) ?? []).length).toBe(name === 'team digest' ? 1 : 0);
  });
});
