// Task Sync written the naive way, as the benchmark's baseline: cell-by-cell reads, appendRow and deleteRow per row.
//
// Plain Apps Script (ES2020, no modules), loaded beside dist/Code.js in one global scope. It does the same work on the
// same sheets as the product — same headers, IDs, rows and email recipients — the way typical sheet scripts do it:
// SpreadsheetApp.getActiveSpreadsheet().getSheetByName() every time, columns found by reading the header row again,
// indexOf by scanning one getRange().getValue() per cell, rows read one getValues() at a time, setValue per cell,
// appendRow in loops, deleteRow per row from the bottom up, reading after writing, no batching and no lock.

const NAIVE_SHEET = {
  overview: '部门任务总览表',
  progress: '任务执行进度跟踪表',
  sync: '信息同步共享记录表',
  team: '成员',
  archiveOverview: '归档-部门任务总览表',
  archiveProgress: '归档-任务执行进度跟踪表',
  archiveSync: '归档-信息同步共享记录表',
  progressLog: '进度日志',
  notificationLog: '通知日志',
};

const NAIVE_TYPES = { project: '专项任务', routine: '常规任务', urgent: '紧急任务' };
const NAIVE_PRIORITIES = { high: '高', medium: '中', low: '低' };
const NAIVE_KINDS = { progress: '进展', problem: '问题', decision: '决议', deliverable: '交付' };
const NAIVE_STATUS_CODES = {
  未开始: 'not_started',
  进行中: 'in_progress',
  待验收: 'pending_acceptance',
  已完成: 'done',
  已取消: 'cancelled',
};
const NAIVE_DUE_SOON_DAYS = 2;
const NAIVE_ARCHIVE_DAYS = 3;
const NAIVE_SUBJECT_PREFIX = '【任务同步】';

// ---- Sheets, columns and cells ----

function naiveSheet_(name) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`找不到工作表「${name}」`);
  return sheet;
}

function naiveHeaders_(sheet) {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
}

function naiveCol_(sheet, header) {
  const col = naiveHeaders_(sheet).indexOf(header) + 1;
  if (col < 1) throw new Error(`找不到列「${header}」`);
  return col;
}

/** The first row (from 2) whose cell in `col` equals `value`, reading one cell at a time; -1 when none. */
function naiveFindRow_(sheet, col, value) {
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (String(sheet.getRange(r, col).getValue()).trim() === value) return r;
  }
  return -1;
}

/** Every data row as an object by header, one getValues() per row. */
function naiveReadRows_(name) {
  const sheet = naiveSheet_(name);
  const headers = naiveHeaders_(sheet);
  const last = sheet.getLastRow();
  const rows = [];
  for (let r = 2; r <= last; r++) {
    const values = sheet.getRange(r, 1, 1, headers.length).getValues()[0];
    if (values.every((v) => v === '')) continue;
    const row = { row: r };
    headers.forEach((h, i) => {
      row[h] = values[i];
    });
    rows.push(row);
  }
  return rows;
}

/** A row in the sheet's header order from values by header. */
function naiveRowOf_(sheet, values) {
  return naiveHeaders_(sheet).map((h) => (h in values ? values[h] : ''));
}

function naiveText_(v) {
  return v === null || v === undefined ? '' : String(v).trim();
}

function naivePeople_(text) {
  return naiveText_(text)
    .split(/[、,，;；/\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---- Dates (the spreadsheet's time zone; working days are Monday to Friday) ----

function naiveTimeZone_() {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
}

function naiveYmd_(value, tz) {
  return value instanceof Date ? Utilities.formatDate(value, tz, 'yyyy-MM-dd') : '';
}

function naiveDateOf_(ymd, tz) {
  return Utilities.parseDate(ymd, tz, 'yyyy-MM-dd');
}

function naiveAddDays_(ymd, n) {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function naiveIsWorkday_(ymd) {
  const day = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

function naiveAddWorkdays_(ymd, n) {
  let d = ymd;
  for (let i = 0; i < n; i++) {
    d = naiveAddDays_(d, 1);
    while (!naiveIsWorkday_(d)) d = naiveAddDays_(d, 1);
  }
  return d;
}

function naivePreviousWorkday_(ymd) {
  let d = naiveAddDays_(ymd, -1);
  while (!naiveIsWorkday_(d)) d = naiveAddDays_(d, -1);
  return d;
}

/** Working days in (from, to]. */
function naiveWorkdaysBetween_(from, to) {
  let count = 0;
  for (let d = naiveAddDays_(from, 1); d <= to; d = naiveAddDays_(d, 1)) if (naiveIsWorkday_(d)) count++;
  return count;
}

// ---- People ----

/** The person at the keyboard on the Team sheet, scanning the email column cell by cell. */
function naiveMe_() {
  const email = String(Session.getActiveUser().getEmail()).toLowerCase();
  const team = naiveSheet_(NAIVE_SHEET.team);
  const row = naiveFindRow_(team, naiveCol_(team, '邮箱'), email);
  if (row < 0) throw new Error(`你(${email})不在成员表中,无法操作`);
  return {
    name: naiveText_(team.getRange(row, naiveCol_(team, '姓名')).getValue()),
    email,
    manager: team.getRange(row, naiveCol_(team, '角色')).getValue() === '主管',
  };
}

function naiveCheckMember_(name) {
  const team = naiveSheet_(NAIVE_SHEET.team);
  if (naiveFindRow_(team, naiveCol_(team, '姓名'), name) < 0) throw new Error(`「${name}」不在成员表中`);
}

function naiveMembers_() {
  return naiveReadRows_(NAIVE_SHEET.team)
    .map((r) => ({
      name: naiveText_(r.姓名),
      email: naiveText_(r.邮箱).toLowerCase(),
      role: r.角色 === '主管' ? 'manager' : r.角色 === '项目负责人' ? 'lead' : 'member',
      group: naiveText_(r.小组),
      digest: r.接收摘要 !== '否',
    }))
    .filter((m) => m.name !== '' && m.email.includes('@'));
}

// ---- Tasks ----

function naiveGuard_(id, initiator, owner, status, completedOn, since, created) {
  const fields = [id, initiator, owner, status, completedOn, since];
  return JSON.stringify(created ? fields.concat([created]) : fields);
}

/** The next `<prefix><yyyy>-<nnn>`: one past the highest in the live and archived task ID columns, cell by cell. */
function naiveNextTaskId_(prefix, year) {
  let max = 0;
  for (const name of [NAIVE_SHEET.overview, NAIVE_SHEET.archiveOverview]) {
    const sheet = naiveSheet_(name);
    const col = naiveCol_(sheet, '任务ID');
    const last = sheet.getLastRow();
    for (let r = 2; r <= last; r++) {
      const id = String(sheet.getRange(r, col).getValue());
      if (!id.startsWith(`${prefix}${year}-`)) continue;
      const seq = Number(id.slice(prefix.length + 5));
      if (seq > max) max = seq;
    }
  }
  return `${prefix}${year}-${String(max + 1).padStart(3, '0')}`;
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveCreateTask(input) {
  const me = naiveMe_();
  if (!input.name || !input.prefix || !input.notes) throw new Error('请填写任务名称、项目简称和验收标准');
  if (input.initiator !== me.name && !me.manager) throw new Error('只有主管可以替他人发起任务');
  naiveCheckMember_(input.initiator);
  naiveCheckMember_(input.owner);
  const tz = naiveTimeZone_();
  const today = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
  const taskId = naiveNextTaskId_(input.prefix, today.slice(0, 4));
  const overview = naiveSheet_(NAIVE_SHEET.overview);
  overview.appendRow(
    naiveRowOf_(overview, {
      任务ID: taskId,
      任务名称: input.name,
      发起人: input.initiator,
      负责人: input.owner,
      协作人: (input.collaborators || []).join('、'),
      '关联项目/目标': input.project || '',
      任务类型: NAIVE_TYPES[input.type],
      优先级: NAIVE_PRIORITIES[input.priority || 'medium'],
      预期完成时间: naiveDateOf_(input.due, tz),
      当前状态: '未开始',
      '备注(验收标准/问题记录)': input.notes,
      守护值: naiveGuard_(taskId, input.initiator, input.owner, 'not_started', '', today, today),
    }),
  );
  const written = overview.getRange(overview.getLastRow(), naiveCol_(overview, '任务ID')).getValue();
  if (String(written) !== taskId) {
    throw new Error(`任务「${taskId}」写入失败`);
  }
  const subtasks = input.subtasks && input.subtasks.length > 0 ? input.subtasks : [input];
  const subtaskIds = [];
  subtasks.forEach((sub, i) => {
    naiveCheckMember_(sub.owner);
    const subtaskId = `${taskId}-${String(i + 1).padStart(2, '0')}`;
    const progress = naiveSheet_(NAIVE_SHEET.progress);
    progress.appendRow(
      naiveRowOf_(progress, {
        子任务ID: subtaskId,
        所属主任务ID: taskId,
        子任务名称: sub.name,
        负责人: sub.owner,
        协作人: (sub.collaborators || []).join('、'),
        守护值: JSON.stringify([subtaskId, taskId, sub.owner]),
      }),
    );
    subtaskIds.push(
      String(progress.getRange(progress.getLastRow(), naiveCol_(progress, '子任务ID')).getValue()),
    );
  });
  return { taskId, subtaskIds };
}

/** A task's row and cells, found by scanning the ID column. */
function naiveTask_(taskId) {
  const overview = naiveSheet_(NAIVE_SHEET.overview);
  const row = naiveFindRow_(overview, naiveCol_(overview, '任务ID'), taskId);
  if (row < 0) throw new Error(`找不到任务「${taskId}」`);
  const cell = (header) => overview.getRange(row, naiveCol_(overview, header)).getValue();
  return {
    sheet: overview,
    row,
    id: taskId,
    name: naiveText_(cell('任务名称')),
    initiator: naiveText_(cell('发起人')),
    owner: naiveText_(cell('负责人')),
    status: naiveText_(cell('当前状态')),
    completedOn: cell('完成日期'),
    guard: naiveText_(cell('守护值')),
  };
}

/** The creation date kept in a guard value (its 7th field), or '' for rows without one. */
function naiveCreated_(guard) {
  try {
    const fields = JSON.parse(guard);
    return Array.isArray(fields) && fields[6] ? fields[6] : '';
  } catch {
    return '';
  }
}

/** Writes a status (and 完成日期 when closing) cell by cell, then reads it back to make sure. */
function naiveSetStatus_(task, status) {
  const tz = naiveTimeZone_();
  const today = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
  const closes = status === '已完成' || status === '已取消';
  const sheet = task.sheet;
  sheet.getRange(task.row, naiveCol_(sheet, '当前状态')).setValue(status);
  if (closes) sheet.getRange(task.row, naiveCol_(sheet, '完成日期')).setValue(new Date());
  const completedOn = closes ? today : naiveYmd_(task.completedOn, tz);
  sheet
    .getRange(task.row, naiveCol_(sheet, '守护值'))
    .setValue(
      naiveGuard_(
        task.id,
        task.initiator,
        task.owner,
        NAIVE_STATUS_CODES[status],
        completedOn,
        today,
        naiveCreated_(task.guard),
      ),
    );
  if (sheet.getRange(task.row, naiveCol_(sheet, '当前状态')).getValue() !== status) {
    throw new Error(`任务「${task.id}」状态写入失败`);
  }
}

/** Appends a Sync Log record with appendRow; returns its row, read back after the write. */
function naiveAppendSync_(record) {
  const sync = naiveSheet_(NAIVE_SHEET.sync);
  const tz = naiveTimeZone_();
  sync.appendRow(
    naiveRowOf_(sync, {
      同步日期: naiveDateOf_(record.date || Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd'), tz),
      同步主题: record.topic,
      '同步内容(进展/问题/决议)': record.content,
      同步发起人: record.raisedBy,
      同步对象: record.audience,
      '附件/参考(占位符)': record.attachment || '/',
      备注: record.notes || '',
      关联任务ID: record.taskId || '',
      记录类型: NAIVE_KINDS[record.kind],
    }),
  );
  return sync.getLastRow();
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveUpdateProgress(input) {
  const me = naiveMe_();
  const progress = naiveSheet_(NAIVE_SHEET.progress);
  const row = naiveFindRow_(progress, naiveCol_(progress, '子任务ID'), input.subtaskId);
  if (row < 0) throw new Error(`找不到子任务「${input.subtaskId}」`);
  const taskId = naiveText_(progress.getRange(row, naiveCol_(progress, '所属主任务ID')).getValue());
  const owner = naiveText_(progress.getRange(row, naiveCol_(progress, '负责人')).getValue());
  const task = naiveTask_(taskId);
  if (task.status !== '未开始' && task.status !== '进行中') {
    throw new Error(`任务当前为「${task.status}」,不能更新进度`);
  }
  if (![owner, task.owner, task.initiator].includes(me.name) && !me.manager) {
    throw new Error('只有子任务负责人、任务负责人、发起人或主管可以更新进度');
  }
  progress.getRange(row, naiveCol_(progress, '今日进度(%)')).setValue(input.progress);
  progress.getRange(row, naiveCol_(progress, '已完成工作')).setValue(input.done || '');
  progress.getRange(row, naiveCol_(progress, '下一步计划')).setValue(input.next || '');
  progress.getRange(row, naiveCol_(progress, '遇到的问题及所需支持')).setValue(input.blockers || '');
  progress.getRange(row, naiveCol_(progress, '更新日期')).setValue(new Date());
  if (task.status === '未开始') naiveSetStatus_(task, '进行中');
  naiveSheet_(NAIVE_SHEET.progressLog).appendRow([
    new Date(),
    input.subtaskId,
    taskId,
    input.progress,
    input.blockers || '',
    me.name,
  ]);
  const status = naiveText_(task.sheet.getRange(task.row, naiveCol_(task.sheet, '当前状态')).getValue());
  return { taskStatus: NAIVE_STATUS_CODES[status] };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveAddSyncRecord(input) {
  const me = naiveMe_();
  if (input.taskId) naiveTask_(input.taskId);
  const row = naiveAppendSync_({
    date: input.date,
    topic: input.topic,
    content: input.content,
    raisedBy: input.raisedBy || me.name,
    audience: input.audience,
    attachment: input.attachment,
    notes: input.notes,
    taskId: input.taskId,
    kind: input.kind,
  });
  return { row };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveSubmitForAcceptance(input) {
  const me = naiveMe_();
  const task = naiveTask_(input.taskId);
  if (task.status !== '未开始' && task.status !== '进行中') {
    throw new Error(`任务当前为「${task.status}」,不能提交验收`);
  }
  if (task.owner !== me.name) {
    // A subtask owner may submit once every subtask is at 100%.
    const progress = naiveSheet_(NAIVE_SHEET.progress);
    const taskCol = naiveCol_(progress, '所属主任务ID');
    const ownerCol = naiveCol_(progress, '负责人');
    const progressCol = naiveCol_(progress, '今日进度(%)');
    let mine = false;
    let all = true;
    let any = false;
    for (let r = 2; r <= progress.getLastRow(); r++) {
      if (naiveText_(progress.getRange(r, taskCol).getValue()) !== task.id) continue;
      any = true;
      if (naiveText_(progress.getRange(r, ownerCol).getValue()) === me.name) mine = true;
      if (progress.getRange(r, progressCol).getValue() !== 100) all = false;
    }
    if (!(mine && any && all)) {
      throw new Error('只有任务负责人(或在所有子任务达到 100% 时的子任务负责人)可以提交验收');
    }
  }
  naiveSetStatus_(task, '待验收');
  return { status: 'pending_acceptance' };
}

/** Accept, reject or cancel: the initiator or a 主管, from the allowed statuses; logs a 决议 record. */
function naiveDecide_(input, allowed, status, topic, content) {
  const me = naiveMe_();
  const task = naiveTask_(input.taskId);
  if (!allowed.includes(task.status)) throw new Error(`任务当前为「${task.status}」,不能${topic}`);
  if (task.initiator !== me.name && !me.manager) throw new Error('只有任务发起人或主管可以验收、退回或取消');
  naiveSetStatus_(task, status);
  naiveAppendSync_({
    topic: `${topic}:${task.name}`,
    content: content.trim(),
    raisedBy: me.name,
    audience: task.owner,
    taskId: task.id,
    kind: 'decision',
  });
  return { status: NAIVE_STATUS_CODES[status] };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveAcceptTask(input) {
  return naiveDecide_(input, ['待验收'], '已完成', '验收通过', `验收通过。${input.note || ''}`);
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveRejectTask(input) {
  return naiveDecide_(input, ['待验收'], '进行中', '验收退回', `退回原因:${input.reason}`);
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveCancelTask(input) {
  return naiveDecide_(
    input,
    ['未开始', '进行中', '待验收'],
    '已取消',
    '任务取消',
    `取消原因:${input.reason}`,
  );
}

// ---- The sidebar ----

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveGetSidebarModel() {
  const tz = naiveTimeZone_();
  const today = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
  const email = String(Session.getActiveUser().getEmail()).toLowerCase();
  const members = naiveMembers_();
  const me = members.find((m) => m.email === email) || null;
  const tasks = naiveReadRows_(NAIVE_SHEET.overview);
  const statusOf = {};
  const prefixes = [];
  for (const t of tasks) {
    const id = naiveText_(t.任务ID);
    statusOf[id] = t.当前状态;
    const prefix = id.replace(/\d{4}-\d{3,}$/, '');
    if (prefix !== id && !prefixes.includes(prefix)) prefixes.push(prefix);
  }
  const mine = naiveReadRows_(NAIVE_SHEET.progress)
    .filter((s) => me && naiveText_(s.负责人) === me.name)
    .filter((s) => ['未开始', '进行中'].includes(statusOf[naiveText_(s.所属主任务ID)]))
    .map((s) => ({
      subtaskId: naiveText_(s.子任务ID),
      taskId: naiveText_(s.所属主任务ID),
      name: naiveText_(s.子任务名称),
      progress: typeof s['今日进度(%)'] === 'number' ? s['今日进度(%)'] : null,
      updatedOn: naiveYmd_(s.更新日期, tz) || null,
    }));
  const awaiting = tasks
    .filter((t) => t.当前状态 === '待验收')
    .filter((t) => me && (naiveText_(t.发起人) === me.name || me.role === 'manager'))
    .map((t) => ({ taskId: naiveText_(t.任务ID), name: naiveText_(t.任务名称) }));
  return {
    me: me ? { email, name: me.name, role: me.role } : { email, name: null, role: null },
    locale: 'zh-CN',
    timeZone: tz,
    today,
    members: members.map((m) => ({ name: m.name, email: m.email, role: m.role, group: m.group })),
    prefixes,
    myOpenSubtasks: mine,
    missingToday: mine.filter((s) => s.updatedOn !== today).map((s) => s.subtaskId),
    awaitingMyAcceptance: awaiting,
  };
}

// ---- The daily jobs ----

/** Everything the jobs look at, read row by row. */
function naiveWorkbook_() {
  const tz = naiveTimeZone_();
  const now = new Date();
  const today = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  const tasks = naiveReadRows_(NAIVE_SHEET.overview).map((r) => ({
    id: naiveText_(r.任务ID),
    name: naiveText_(r.任务名称),
    initiator: naiveText_(r.发起人),
    owner: naiveText_(r.负责人),
    collaborators: naivePeople_(r.协作人),
    type: r.任务类型,
    due: naiveYmd_(r.预期完成时间, tz),
    status: naiveText_(r.当前状态),
    notes: naiveText_(r['备注(验收标准/问题记录)']),
    completedOn: naiveYmd_(r.完成日期, tz),
  }));
  const taskById = {};
  for (const t of tasks) taskById[t.id] = t;
  const subtasks = naiveReadRows_(NAIVE_SHEET.progress).map((r) => ({
    row: r.row,
    id: naiveText_(r.子任务ID),
    taskId: naiveText_(r.所属主任务ID),
    owner: naiveText_(r.负责人),
    progress: typeof r['今日进度(%)'] === 'number' ? r['今日进度(%)'] : null,
    blockers: naiveText_(r.遇到的问题及所需支持),
    updatedOn: naiveYmd_(r.更新日期, tz),
    updatedAt: r.更新日期 instanceof Date ? r.更新日期.getTime() : null,
    collaborators: naivePeople_(r.协作人),
  }));
  const sync = naiveReadRows_(NAIVE_SHEET.sync).map((r) => ({
    row: r.row,
    date: naiveYmd_(r.同步日期, tz),
    at: r.同步日期 instanceof Date ? r.同步日期.getTime() : null,
    content: naiveText_(r['同步内容(进展/问题/决议)']),
    raisedBy: naiveText_(r.同步发起人),
    audience: naiveText_(r.同步对象),
    taskId: naiveText_(r.关联任务ID),
    kind: r.记录类型,
  }));
  const members = naiveMembers_();
  const active = (t) => t !== undefined && (t.status === '未开始' || t.status === '进行中');
  const open = subtasks.filter((s) => active(taskById[s.taskId]) && s.progress !== 100);
  return { tz, now: now.getTime(), today, tasks, taskById, subtasks, sync, members, active, open };
}

/** Problems still awaiting a response from someone other than whoever raised them (SPEC §6, simply). */
function naiveProblems_(wb) {
  const answered = (taskId, raisedBy, since, afterRow) =>
    wb.sync.some(
      (r) =>
        r.taskId === taskId &&
        r.raisedBy !== raisedBy &&
        r.date !== '' &&
        r.date >= since &&
        r.row > afterRow,
    );
  const hours = (since) => Math.max(0, Math.floor((wb.now - since) / 3600000));
  const out = [];
  for (const s of wb.subtasks) {
    const task = wb.taskById[s.taskId];
    if (!s.blockers || !wb.active(task) || s.updatedAt === null) continue;
    if (answered(s.taskId, s.owner, s.updatedOn, 0)) continue;
    const to = [task.initiator, task.owner].concat(s.collaborators).filter((n) => n && n !== s.owner);
    out.push({ taskId: task.id, text: s.blockers, hours: hours(s.updatedAt), to });
  }
  for (const r of wb.sync) {
    const task = wb.taskById[r.taskId];
    if (r.kind !== '问题' || !r.date || !wb.active(task)) continue;
    if (answered(r.taskId, r.raisedBy, r.date, r.row)) continue;
    const audience = wb.members.filter((m) => r.audience.includes(m.name)).map((m) => m.name);
    const to = [task.initiator, task.owner]
      .concat(task.collaborators, audience)
      .filter((n) => n && n !== r.raisedBy);
    out.push({ taskId: task.id, text: r.content, hours: hours(r.at + 86400000), to });
  }
  return out;
}

function naiveLine_(wb, s) {
  const task = wb.taskById[s.taskId];
  return `- ${s.id} ${task.name}(截止 ${task.due || '—'},进度 ${s.progress === null ? 0 : s.progress}%)`;
}

/** Sends one email and logs it in the Notification Log with appendRow. */
function naiveSend_(job, today, to, subject, lines) {
  MailApp.sendEmail(to, NAIVE_SUBJECT_PREFIX + subject, lines.join('\n'));
  naiveSheet_(NAIVE_SHEET.notificationLog).appendRow([
    new Date(),
    job,
    today,
    to,
    NAIVE_SUBJECT_PREFIX + subject,
    'sent',
    '',
  ]);
}

function naiveDone_(job, today, sent) {
  naiveSheet_(NAIVE_SHEET.notificationLog).appendRow([
    new Date(),
    job,
    today,
    '',
    '',
    'done',
    `sent ${sent}`,
  ]);
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveDailyDigest() {
  const wb = naiveWorkbook_();
  const today = wb.today;
  if (!naiveIsWorkday_(today)) return { sent: 0 };
  const lastWorkday = naivePreviousWorkday_(today);
  const soon = naiveAddWorkdays_(today, NAIVE_DUE_SOON_DAYS);
  const problems = naiveProblems_(wb);
  let sent = 0;
  for (const m of wb.members) {
    const mine = wb.open.filter((s) => s.owner === m.name);
    const dueOf = (s) => wb.taskById[s.taskId].due;
    const initiated = wb.tasks.filter((t) => t.initiator === m.name);
    const sections = [
      ['已逾期', mine.filter((s) => dueOf(s) !== '' && dueOf(s) < today).map((s) => naiveLine_(wb, s))],
      [
        '即将到期',
        mine
          .filter((s) => dueOf(s) !== '' && dueOf(s) >= today && dueOf(s) <= soon)
          .map((s) => naiveLine_(wb, s)),
      ],
      [
        '上个工作日未更新',
        mine.filter((s) => s.updatedOn === '' || s.updatedOn < lastWorkday).map((s) => naiveLine_(wb, s)),
      ],
      ['待我响应的问题', problems.filter((p) => p.to.includes(m.name)).map((p) => `- ${p.taskId}:${p.text}`)],
      ['等待我验收', initiated.filter((t) => t.status === '待验收').map((t) => `- ${t.id} ${t.name}`)],
      [
        '待复盘',
        initiated
          .filter(
            (t) =>
              t.status === '已完成' &&
              (t.type === '专项任务' || t.type === '常规任务') &&
              t.completedOn !== '' &&
              t.completedOn <= today &&
              naiveWorkdaysBetween_(t.completedOn, today) <= 3 &&
              !/复盘|retrospective/i.test(t.notes),
          )
          .map((t) => `- ${t.id} ${t.name}`),
      ],
    ];
    const personal = m.digest && sections.some((s) => s[1].length > 0);
    const lines = [`${m.name},你好:`];
    for (const [title, items] of sections)
      if (items.length) lines.push('', `${title}(${items.length})`, ...items);
    if (m.role === 'manager') {
      lines.push('', '任务状态');
      for (const status of Object.keys(NAIVE_STATUS_CODES)) {
        lines.push(`- ${status}:${wb.tasks.filter((t) => t.status === status).length}`);
      }
      const overdue = wb.tasks.filter((t) => wb.active(t) && t.due !== '' && t.due < today);
      lines.push('', `逾期任务(${overdue.length})`, ...overdue.map((t) => `- ${t.id} ${t.name}`));
      const stale = wb.open.filter((s) => s.updatedOn === '' || s.updatedOn < lastWorkday);
      lines.push('', `上个工作日未更新(${stale.length})`, ...stale.map((s) => naiveLine_(wb, s)));
      const old = problems.filter((p) => p.hours > 24);
      lines.push('', `超过 24 小时未响应的问题(${old.length})`, ...old.map((p) => `- ${p.taskId}:${p.text}`));
      naiveSend_('digest', today, m.email, `团队摘要 · ${today}`, lines);
      sent++;
    } else if (personal) {
      naiveSend_('digest', today, m.email, `每日摘要 · ${m.name} · ${today}`, lines);
      sent++;
    }
  }
  naiveDone_('digest', today, sent);
  return { sent };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveRollCall() {
  const wb = naiveWorkbook_();
  const today = wb.today;
  if (!naiveIsWorkday_(today)) return { sent: 0 };
  let sent = 0;
  for (const m of wb.members) {
    const missing = wb.open.filter((s) => s.owner === m.name && s.updatedOn !== today);
    if (missing.length === 0) continue;
    const lines = [`${m.name},你好:`, '', '以下子任务今天还没有更新进度,请在 17:00 前更新。'];
    for (const s of missing) lines.push(naiveLine_(wb, s));
    naiveSend_('rollCall', today, m.email, `17:00 前请更新进度 · ${today}`, lines);
    sent++;
  }
  naiveDone_('rollCall', today, sent);
  return { sent };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveEscalation() {
  const wb = naiveWorkbook_();
  const today = wb.today;
  if (!naiveIsWorkday_(today)) return { sent: 0 };
  const problems = naiveProblems_(wb).filter((p) => p.hours > 24);
  let sent = 0;
  for (const m of wb.members) {
    if (m.role !== 'manager' && m.role !== 'lead') continue;
    const mineOnly = m.role === 'lead';
    const ofMine = (taskId) => !mineOnly || wb.taskById[taskId].initiator === m.name;
    const missing = wb.open.filter((s) => s.updatedOn !== today && ofMine(s.taskId));
    const stale = problems.filter((p) => ofMine(p.taskId));
    if (missing.length + stale.length === 0) continue;
    const lines = [`${m.name},你好:`, '', `今日未更新(${missing.length})`];
    for (const s of missing) lines.push(`${naiveLine_(wb, s)} 负责人:${s.owner}`);
    lines.push('', `超过 24 小时未响应的问题(${stale.length})`);
    for (const p of stale) lines.push(`- ${p.taskId}:${p.text}`);
    naiveSend_('escalation', today, m.email, `今日未更新与待响应问题 · ${today}`, lines);
    sent++;
  }
  naiveDone_('escalation', today, sent);
  return { sent };
}

// ---- The archive ----

/**
 * Copies the rows whose `idHeader` cell is a key of `keys` from one sheet to another with appendRow (matching columns
 * by header; `extra` fills the columns the source lacks), then deletes them one by one from the bottom up.
 */
function naiveMoveRows_(fromName, toName, idHeader, keys, extra) {
  const fromHeaders = naiveHeaders_(naiveSheet_(fromName));
  const toHeaders = naiveHeaders_(naiveSheet_(toName));
  const idCol = fromHeaders.indexOf(idHeader) + 1;
  const last = naiveSheet_(fromName).getLastRow();
  const moved = [];
  for (let r = 2; r <= last; r++) {
    const id = naiveText_(naiveSheet_(fromName).getRange(r, idCol).getValue());
    if (!Object.hasOwn(keys, id)) continue;
    const values = naiveSheet_(fromName).getRange(r, 1, 1, fromHeaders.length).getValues()[0];
    const row = toHeaders.map((h) => {
      const i = fromHeaders.indexOf(h);
      return i >= 0 ? values[i] : extra(h, id);
    });
    naiveSheet_(toName).appendRow(row);
    moved.push(r);
  }
  for (let i = moved.length - 1; i >= 0; i--) naiveSheet_(fromName).deleteRow(moved[i]);
  return moved.length;
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveArchive() {
  const tz = naiveTimeZone_();
  const now = new Date();
  const today = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  const overview = naiveSheet_(NAIVE_SHEET.overview);
  const statusCol = naiveCol_(overview, '当前状态');
  const completedCol = naiveCol_(overview, '完成日期');
  const idCol = naiveCol_(overview, '任务ID');
  const projectCol = naiveCol_(overview, '关联项目/目标');
  const last = overview.getLastRow();
  const keys = {};
  let count = 0;
  for (let r = 2; r <= last; r++) {
    const status = overview.getRange(r, statusCol).getValue();
    if (status !== '已完成' && status !== '已取消') continue;
    const completed = overview.getRange(r, completedCol).getValue();
    if (!(completed instanceof Date)) continue;
    const completedOn = Utilities.formatDate(completed, tz, 'yyyy-MM-dd');
    if (completedOn > today || naiveWorkdaysBetween_(completedOn, today) < NAIVE_ARCHIVE_DAYS) continue;
    const id = naiveText_(overview.getRange(r, idCol).getValue());
    const project = naiveText_(overview.getRange(r, projectCol).getValue());
    keys[id] = `${project || id.replace(/\d{4}-\d{3,}$/, '')}-${id}-${completedOn}`;
    count++;
  }
  const extra = (header, id) => (header === '归档编号' ? keys[id] : header === '归档时间' ? now : '');
  naiveMoveRows_(NAIVE_SHEET.overview, NAIVE_SHEET.archiveOverview, '任务ID', keys, extra);
  naiveMoveRows_(NAIVE_SHEET.progress, NAIVE_SHEET.archiveProgress, '所属主任务ID', keys, extra);
  naiveMoveRows_(NAIVE_SHEET.sync, NAIVE_SHEET.archiveSync, '关联任务ID', keys, extra);
  return { archived: count };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveRestore(input) {
  const id = naiveText_(input.taskId);
  const keys = {};
  keys[id] = true;
  const none = () => '';
  const moved =
    naiveMoveRows_(NAIVE_SHEET.archiveOverview, NAIVE_SHEET.overview, '任务ID', keys, none) +
    naiveMoveRows_(NAIVE_SHEET.archiveProgress, NAIVE_SHEET.progress, '所属主任务ID', keys, none) +
    naiveMoveRows_(NAIVE_SHEET.archiveSync, NAIVE_SHEET.sync, '关联任务ID', keys, none);
  if (moved === 0) throw new Error(`归档中找不到任务「${id}」`);
  return { restored: id };
}

// ---- Reports: the dashboard and the review, counted row by row and written cell by cell ----

/** Appends a titled table row by row (appendRow grows the sheet), bolding the title and header cell by cell. */
function naiveWriteTable_(sheet, title, header, lines) {
  sheet.appendRow([title]);
  sheet.getRange(sheet.getLastRow(), 1).setFontWeight('bold');
  sheet.appendRow(header);
  header.forEach((_, i) => {
    sheet.getRange(sheet.getLastRow(), i + 1).setFontWeight('bold');
  });
  for (const line of lines) sheet.appendRow(line);
  sheet.appendRow(['']);
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveDashboard() {
  const wb = naiveWorkbook_();
  const sheet = naiveSheet_('看板');
  sheet.clearContents();
  const overdue = wb.tasks.filter((t) => wb.active(t) && t.due && t.due < wb.today).length;
  const headline = [
    ['进行中的任务(未开始+进行中)', wb.tasks.filter(wb.active).length],
    ['逾期任务', overdue],
    ['待验收', wb.tasks.filter((t) => t.status === '待验收').length],
    ['超过 24 小时未响应的问题', naiveProblems_(wb).filter((p) => p.hours > 24).length],
    ['今日未更新的子任务', wb.open.filter((s) => s.updatedOn !== wb.today).length],
  ];
  naiveWriteTable_(sheet, '任务看板', ['项目', '数量'], headline);
  const statuses = Object.keys(NAIVE_STATUS_CODES);
  const byType = Object.values(NAIVE_TYPES).map((type) =>
    [type].concat(statuses.map((s) => wb.tasks.filter((t) => t.type === type && t.status === s).length)),
  );
  naiveWriteTable_(sheet, '按任务类型统计状态', ['任务类型'].concat(statuses), byType);
  const owners = {};
  for (const s of wb.open) {
    const o = owners[s.owner] || { open: 0, overdue: 0 };
    o.open++;
    if (wb.taskById[s.taskId].due < wb.today) o.overdue++;
    owners[s.owner] = o;
  }
  const lines = Object.keys(owners).map((name) => [name, owners[name].open, owners[name].overdue]);
  naiveWriteTable_(sheet, '负责人工作量', ['负责人', '进行中子任务', '逾期'], lines);
  return { owners: lines.length };
}

// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name from the bench
function naiveReview(input) {
  const from = input.from;
  const to = input.to;
  const tz = naiveTimeZone_();
  const tasks = naiveReadRows_(NAIVE_SHEET.overview).concat(naiveReadRows_(NAIVE_SHEET.archiveOverview));
  const log = naiveReadRows_(NAIVE_SHEET.progressLog);
  const sync = naiveReadRows_(NAIVE_SHEET.sync).concat(naiveReadRows_(NAIVE_SHEET.archiveSync));
  const inPeriod = (ymd) => ymd !== '' && ymd >= from && ymd <= to;
  const line = (r) => [naiveText_(r.任务ID), naiveText_(r.任务名称), naiveText_(r.负责人)];
  const completed = tasks.filter((r) => r.当前状态 === '已完成' && inPeriod(naiveYmd_(r.完成日期, tz)));
  const overdue = tasks.filter((r) => {
    const due = naiveYmd_(r.预期完成时间, tz);
    return inPeriod(due) && due < to && r.当前状态 !== '已完成' && r.当前状态 !== '已取消';
  });
  const started = {};
  for (const e of log) {
    if (inPeriod(naiveYmd_(e.时间, tz))) started[naiveText_(e.所属主任务ID)] = true;
  }
  const records = (kind) =>
    sync
      .filter((r) => r.记录类型 === kind && inPeriod(naiveYmd_(r.同步日期, tz)))
      .map((r) => [
        naiveYmd_(r.同步日期, tz),
        naiveText_(r.同步主题),
        naiveText_(r['同步内容(进展/问题/决议)']),
      ]);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const title = `复盘-${from}~${to}`;
  const sheet = ss.getSheetByName(title) || ss.insertSheet(title);
  sheet.clearContents();
  const ids = (list) => list.map((id) => [id]);
  naiveWriteTable_(sheet, '本期完成的任务', ['任务ID', '任务名称', '负责人'], completed.map(line));
  naiveWriteTable_(sheet, '本期逾期的任务', ['任务ID', '任务名称', '负责人'], overdue.map(line));
  naiveWriteTable_(sheet, '本期开始的任务', ['任务ID'], ids(Object.keys(started)));
  naiveWriteTable_(sheet, '决议', ['日期', '主题', '内容'], records('决议'));
  naiveWriteTable_(sheet, '交付', ['日期', '主题', '内容'], records('交付'));
  return { sheet: title, completed: completed.length, overdue: overdue.length };
}
