import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cxgovSignature, dingtalkSign, feishuSign, imRequest } from '../../../notifications/channels/im.js';

const message = { messageId: 'cxgov.1', title: 'T', markdown: '### T', text: 'T', link: 'https://x/c/1', topic: 'complaint.escalated', entityType: 'complaint', entityId: '1' };

describe('IM webhook signatures', () => {
  it('DingTalk: timestamp and sign in the query, sign = base64 HMAC-SHA256(secret, "ts\\nsecret")', () => {
    const { url, body } = imRequest({ flavor: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SEC1' }, message, 1_700_000_000_000);
    const u = new URL(url);
    expect(u.searchParams.get('access_token')).toBe('abc');
    expect(u.searchParams.get('timestamp')).toBe('1700000000000');
    expect(u.searchParams.get('sign')).toBe(createHmac('sha256', 'SEC1').update('1700000000000\nSEC1').digest('base64'));
    expect(u.searchParams.get('sign')).toBe(dingtalkSign('SEC1', 1_700_000_000_000));
    expect(body).toMatchObject({ msgtype: 'markdown', markdown: { title: 'T', text: '### T' } });
  });
  it('Feishu: seconds and sign in the body, keyed by "ts\\nsecret" over nothing', () => {
    const { body } = imRequest({ flavor: 'feishu', url: 'https://open.feishu.cn/hook/x', secret: 'S' }, message, 1_700_000_000_999);
    expect(body).toMatchObject({ timestamp: '1700000000', sign: createHmac('sha256', '1700000000\nS').update('').digest('base64'), msg_type: 'text' });
    expect(body.sign).toBe(feishuSign('S', 1_700_000_000));
  });
  it('WeCom markdown and cxgov’s own JSON; the cxgov signature covers timestamp and body', () => {
    expect(imRequest({ flavor: 'wecom', url: 'https://qyapi.weixin.qq.com/x', secret: null }, message, 0).body).toEqual({ msgtype: 'markdown', markdown: { content: '### T' } });
    expect(imRequest({ flavor: 'generic', url: 'https://x', secret: null }, message, 0).body).toMatchObject({ messageId: 'cxgov.1', link: 'https://x/c/1' });
    expect(cxgovSignature('k', '5', '{}')).toBe(`sha256=${createHmac('sha256', 'k').update('5.{}').digest('hex')}`);
  });
});
