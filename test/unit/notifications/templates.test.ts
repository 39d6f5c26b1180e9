import { describe, expect, it } from 'vitest';
import { customerMessage, imPost, staffMail, staffMessage, topicTitle } from '../../../notifications/templates.js';
import { topicEvents } from '../../../domain/notifications/routing.js';

const input = (language: 'zh' | 'en') => ({
  topic: 'complaint.escalated',
  entityType: 'complaint',
  entityId: 'C-42',
  data: { level: 1, levelName: 'supervisor', clock: 'firstResponse', deadline: '2026-11-02T08:00:00.000Z', customer: { name: '张三', phone: '13800000000' } },
  language,
  publicUrl: 'https://cx.bank.example',
  timeZone: 'Asia/Shanghai',
});

describe('staff messages', () => {
  it('every known topic has a title in both languages', () => {
    for (const topic of [...Object.keys(topicEvents)]) {
      expect(topicTitle(topic, 'zh')).not.toMatch(/^通知：/);
      expect(topicTitle(topic, 'en')).not.toMatch(/^Notice:/);
    }
  });
  it('in the recipient’s language, with the reference, structured facts and a link into the UI', () => {
    const zh = staffMail(staffMessage(input('zh')), 'zh');
    expect(zh.subject).toBe('[cxgov] 投诉已升级至您处理 · 投诉 C-42');
    expect(zh.text).toContain('截止时间: 2026年11月2日 16:00');
    expect(zh.text).toContain('升级层级: 主管');
    expect(zh.text).toContain('https://cx.bank.example/complaints/C-42');
    const en = staffMail(staffMessage(input('en')), 'en');
    expect(en.subject).toBe('[cxgov] A complaint was escalated to you · Complaint C-42');
    expect(en.text).toContain('Clock: first response');
    expect(en.html).toContain('href="https://cx.bank.example/complaints/C-42"');
  });
  it('never carry what the data holds beyond the known facts (no customer details)', () => {
    for (const lang of ['zh', 'en'] as const) {
      const m = staffMail(staffMessage(input(lang)), lang);
      const post = imPost(staffMessage(input('zh')), staffMessage(input('en')), []);
      for (const s of [m.subject, m.text, m.html, post.markdown, post.text]) {
        expect(s).not.toContain('张三');
        expect(s).not.toContain('13800000000');
      }
    }
  });
  it('escape HTML in the mail', () => {
    const m = staffMail(staffMessage({ ...input('en'), entityId: '<b>x</b>' }), 'en');
    expect(m.html).not.toContain('<b>x</b>');
  });
});

describe('customer messages', () => {
  it('acknowledgement with the first-response deadline, signed by the institution', () => {
    const m = customerMessage({ kind: 'acknowledgement', complaintId: 'C-42', data: { firstResponseDeadline: '2026-11-02T08:00:00.000Z' }, language: 'zh', timeZone: 'Asia/Shanghai', sender: '示例银行' });
    expect(m.text).toBe('【示例银行】您的投诉已受理，编号 C-42。我们将于 2026年11月2日 16:00 前与您联系，并在规定时限内给出处理结果。');
  });
  it('the written result and the appeal decision, in both languages', () => {
    const result = customerMessage({ kind: 'result', complaintId: 'C-42', data: { summary: '已解冻', remedy: '致歉' }, language: 'zh', timeZone: 'UTC', sender: 'B' });
    expect(result.text).toContain('处理结果：已解冻');
    const appeal = customerMessage({ kind: 'appeal_result', complaintId: 'C-42', data: { upheld: false, decision: 'stands' }, language: 'en', timeZone: 'UTC', sender: 'B' });
    expect(appeal.text).toContain('dismissed');
    expect(appeal.text).toContain('Decision: stands');
  });
  it('the survey invitation: the one-time link and until when it works, in both languages', () => {
    const link = 'https://cx.bank.example/survey/aaa.bbb.ccc';
    const data = { invitationId: 'SV-1', surveyKind: 'complaint', expiresAt: '2026-11-16T08:00:00.000Z' };
    const zh = customerMessage({ kind: 'survey', complaintId: 'C-42', data, language: 'zh', timeZone: 'Asia/Shanghai', sender: '示例银行', surveyLink: link });
    expect(zh.subject).toBe('请评价我们的服务（编号 C-42）');
    expect(zh.text).toContain(link);
    expect(zh.text).toContain('2026年11月16日 16:00 前有效');
    const en = customerMessage({ kind: 'survey', complaintId: 'C-42', data: { ...data, surveyKind: 'appeal' }, language: 'en', timeZone: 'UTC', sender: 'B', surveyLink: link });
    expect(en.text).toContain(`Your appeal no. C-42 is closed; please take a minute to rate our service: ${link}`);
    expect(en.text).toContain('The link works once');
  });
});
