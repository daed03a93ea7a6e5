// The review report form (阶段性复盘): quick periods or a custom range, generateReview, then the sheet name and counts.
import { PERIOD_NAMES, type PeriodName, periodOf, periodProblem } from '../core/review-layout';
import { reviewSchema, type Validated, validate } from '../core/schemas';
import type { ReviewResult } from '../gas/review';
import type { Ctx } from './context';
import { button, h } from './dom';
import { ErrorView, type Field, field, input, onSubmit, say, submitBar } from './form';
import { callServer } from './rpc';

const COUNTS = ['completed', 'started', 'overdue', 'carriedOver', 'problems'] as const;

type ReviewInput = { from: string; to: string; email?: boolean | undefined };

/** Built once and kept across re-renders of 我的任务, so a half-typed range survives a model refresh. */
export function reviewForm(ctx: Ctx): HTMLElement {
  const { t, locale } = ctx;
  const { me } = ctx.model;
  const from = input('rv-from', { type: 'date' });
  const to = input('rv-to', { type: 'date' });
  const fields: Record<string, Field> = {
    from: field(t('field.from'), from, { required: true }),
    to: field(t('field.to'), to, { required: true }),
  };

  const quick = PERIOD_NAMES.map((name) =>
    button(t(`period.${name}`), () => choose(name), {
      class: 'secondary chip',
      'aria-pressed': 'false',
      'data-testid': `period-${name}`,
    }),
  );
  function choose(name: PeriodName | null): void {
    quick.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(PERIOD_NAMES[i] === name));
    });
    if (name === null) return;
    const period = periodOf(name, ctx.model.today);
    from.value = period.from;
    to.value = period.to;
  }
  for (const box of [from, to]) box.addEventListener('input', () => choose(null));
  choose('lastWeek');

  /** Only a 主管 or the admin is offered the email to the 主管s. */
  const email = me.role === 'manager' || me.isAdmin ? h('input', { type: 'checkbox', id: 'rv-email' }) : null;

  const result = h('div', { class: 'card review-result', 'data-testid': 'review-result' });
  result.hidden = true;
  const bar = submitBar(t('button.generateReview'), 'generate-review');

  /** Whether the call in flight asked for the email (read at submit, not when the answer arrives). */
  let emailAsked = false;

  function show(r: ReviewResult): void {
    say(bar, t('msg.reviewDone', { sheet: r.sheet }), 'ok');
    const nameOf = (address: string) => ctx.model.members.find((m) => m.email === address)?.name ?? address;
    const mailed = r.emailed.map(nameOf).join(locale === 'en' ? ', ' : '、');
    result.replaceChildren(
      h('div', { class: 'card-title', 'data-testid': 'review-sheet' }, r.sheet),
      h(
        'ul',
        { class: 'counts', 'data-testid': 'review-counts' },
        ...COUNTS.map((key) =>
          h(
            'li',
            { 'data-testid': `review-count-${key}` },
            h('span', { class: 'count' }, String(r.counts[key])),
            t(`count.${key}`),
          ),
        ),
      ),
      ...(emailAsked
        ? [
            h(
              'div',
              { class: 'meta', 'data-testid': 'review-emailed' },
              [mailed ? t('msg.reviewEmailed', { to: mailed }) : '', r.mailNote].filter(Boolean).join(' ') ||
                t('msg.reviewNoManagers'),
            ),
          ]
        : []),
    );
    result.hidden = false;
  }

  /** The shared schema, then what it cannot know: the range runs forwards and spans at most a year (as the server). */
  function check(): Validated<ReviewInput> {
    result.hidden = true;
    const checked = validate(
      reviewSchema,
      { from: from.value, to: to.value, ...(email ? { email: email.checked } : {}) },
      locale,
    );
    if (!checked.ok) return checked;
    const problem = periodProblem(checked.value.from, checked.value.to);
    if (problem) {
      const message = t(problem === 'fromAfterTo' ? 'msg.fromAfterTo' : 'msg.periodTooLong');
      return { ok: false, errors: [{ path: 'to', message }] };
    }
    emailAsked = checked.value.email === true;
    return checked;
  }

  const form = h(
    'form',
    { 'aria-label': t('section.review'), 'data-testid': 'review-form' },
    h(
      'fieldset',
      { class: 'plain', disabled: !ctx.canAct() },
      h('h3', {}, t('section.review')),
      h('p', { class: 'hint' }, t('hint.review')),
      h('div', { class: 'chips', role: 'group', 'aria-label': t('field.period') }, ...quick),
      h('div', { class: 'row2' }, fields.from!.wrap, fields.to!.wrap),
      email
        ? h(
            'div',
            { class: 'field' },
            h('label', { class: 'check', for: email.id }, email, t('field.emailManagers')),
          )
        : null,
      bar.row,
      result,
    ),
  );
  onSubmit(form, {
    bar,
    errors: new ErrorView((path) => fields[path], locale),
    t,
    busy: t('msg.generating'),
    check,
    call: (value) => callServer('generateReview', value),
    done: (r) => {
      if (r) show(r);
    },
  });
  return form;
}
