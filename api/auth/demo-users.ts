import type { Principal } from './roles.js';

/**
 * The demo cast of the embedded default (no identity provider): the people `POST /api/v1/dev/tokens`
 * signs tokens for, `npm run demo` seeds (the committee roster below) and the browser tests sign
 * in as. A bank's identity provider replaces all of this; nothing here is used when JWT_JWKS_URL
 * is set or NODE_ENV=production.
 *
 * Names are those of a Chinese institution's staff; `title` describes the person for the
 * sign-in picker in both UI languages.
 */
export interface DemoUser extends Principal {
  title: { en: string; zh: string };
  /** Membership of the UX Management Committee seeded by `npm run demo` (data, not a role). */
  committee?: 'chair' | 'member';
}

export const demoUsers: readonly DemoUser[] = [
  { userId: 'wangjg', name: '王建国', roles: ['supervisor'], department: 'executive', committee: 'chair', title: { en: 'General manager · committee chair', zh: '总经理 · 用户体验管理委员会主任' } },
  { userId: 'limin', name: '李敏', roles: [], department: 'risk', committee: 'member', title: { en: 'Risk management · committee member', zh: '风险管理部 · 委员' } },
  { userId: 'zhangwei', name: '张伟', roles: [], department: 'technology', committee: 'member', title: { en: 'Technology · committee member', zh: '信息技术部 · 委员' } },
  { userId: 'chenjing', name: '陈静', roles: [], department: 'compliance', committee: 'member', title: { en: 'Compliance · committee member', zh: '合规部 · 委员' } },
  { userId: 'liuyang', name: '刘洋', roles: [], department: 'retail-cards', committee: 'member', title: { en: 'Retail cards · committee member', zh: '零售信用卡部 · 委员' } },
  { userId: 'linxiao', name: '林晓', roles: ['product_owner'], department: 'retail-cards', title: { en: 'Product owner, retail cards', zh: '零售信用卡部 · 产品经理' } },
  { userId: 'huangqiang', name: '黄强', roles: ['product_owner'], department: 'wealth', title: { en: 'Product owner, wealth management', zh: '财富管理部 · 产品经理' } },
  { userId: 'zhaoli', name: '赵丽', roles: ['cs_agent'], department: 'customer-service', title: { en: 'Customer-service agent', zh: '客服中心 · 客服专员' } },
  { userId: 'sunlei', name: '孙磊', roles: ['cs_agent'], department: 'customer-service', title: { en: 'Customer-service agent', zh: '客服中心 · 客服专员' } },
  { userId: 'zhoumin', name: '周敏', roles: ['supervisor'], department: 'customer-service', title: { en: 'Customer-service supervisor', zh: '客服中心 · 主管' } },
  { userId: 'wugang', name: '吴刚', roles: ['business_handler'], department: 'cards-ops', title: { en: 'Business handler, card operations', zh: '信用卡运营部 · 业务处理员' } },
  { userId: 'zhenghua', name: '郑华', roles: ['compliance_auditor'], department: 'compliance', title: { en: 'Compliance auditor', zh: '合规部 · 审计员' } },
  { userId: 'heping', name: '何平', roles: ['admin'], department: 'it-admin', title: { en: 'System administrator', zh: '系统管理员' } },
];

/** The demo cast's departments by name (PUT /api/v1/departments body). */
export const demoDepartmentNames = {
  departments: [
    { id: 'cards-ops', name: { zh: '信用卡运营部', en: 'Card operations' } },
    { id: 'compliance', name: { zh: '合规部', en: 'Compliance' } },
    { id: 'customer-service', name: { zh: '客服中心', en: 'Customer service' } },
    { id: 'executive', name: { zh: '总经理室', en: 'Executive office' } },
    { id: 'it-admin', name: { zh: '系统管理', en: 'IT administration' } },
    { id: 'retail-cards', name: { zh: '零售信用卡部', en: 'Retail cards' } },
    { id: 'risk', name: { zh: '风险管理部', en: 'Risk management' } },
    { id: 'technology', name: { zh: '信息技术部', en: 'Technology' } },
    { id: 'wealth', name: { zh: '财富管理部', en: 'Wealth management' } },
  ],
};

/** The committee roster of the demo cast (PUT /api/v1/committee body). */
export function demoRoster() {
  return demoUsers
    .filter((u) => u.committee)
    .map((u) => ({ userId: u.userId, name: u.name, department: u.department!, chair: u.committee === 'chair' }));
}

export function demoUser(userId: string): DemoUser | undefined {
  return demoUsers.find((u) => u.userId === userId);
}

/** The principal a token is signed for (the picker's title is not a claim). */
export function principalOf(u: DemoUser): Principal {
  return { userId: u.userId, name: u.name, roles: [...u.roles], ...(u.department ? { department: u.department } : {}) };
}
