import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requirePhase } from '../../api/access/project-actions';
import { ApiError, onError } from '../../api/errors';
import { call } from '../support/http';
import { createPlanProject, createUser, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

const inChinese = { 'accept-language': 'zh-CN' };
const inEnglish = { 'accept-language': 'en-US' };
const han = /[\u4e00-\u9fff]/;

describe('API errors in the language the request asks for', () => {
  it('answers an unknown team with the same 404 code, in English and in Chinese', async () => {
    const id = randomUUID();
    const en = await call(system.app, 'GET', `/api/teams/${id}`, undefined, { headers: inEnglish });
    const zh = await call(system.app, 'GET', `/api/teams/${id}`, undefined, { headers: inChinese });
    expect([en.status, zh.status]).toEqual([404, 404]);
    expect(en.body.error).toEqual({ code: 'not_found', message: `Team ${id} does not exist.`, details: [] });
    expect(zh.body.error).toEqual({ code: 'not_found', message: `团队 ${id} 不存在。`, details: [] });
  });

  it('names the same faulty fields in both languages, each detail said in Chinese: schema sentences, zod’s own words, unknown fields', async () => {
    const body = { name: '', memberIds: 'nobody', colour: 'red' };
    const en = await call(system.app, 'POST', '/api/teams', body, { headers: inEnglish });
    const zh = await call(system.app, 'POST', '/api/teams', body, { headers: inChinese });
    expect([en.status, zh.status]).toEqual([400, 400]);
    expect(zh.body.error.code).toBe(en.body.error.code);
    expect(en.body.error.message).toMatch(/^The request has 3 invalid fields: /);
    expect(zh.body.error.message).toMatch(/^请求中有 3 个字段无效：/);
    expect(zh.body.error.details.map((d: { path: string }) => d.path)).toEqual(en.body.error.details.map((d: { path: string }) => d.path));
    const zhByPath = Object.fromEntries(zh.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(Object.fromEntries(en.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]))).toMatchObject({ name: 'must not be empty', colour: 'is not a known field' });
    expect(zhByPath).toMatchObject({ name: '不能为空', colour: '不是已知字段' });
    expect(zhByPath.memberIds).toMatch(han);
    for (const detail of zh.body.error.details) expect(Object.keys(detail).sort()).toEqual(['message', 'path']);
  });

  it('says a missing field is required, in Chinese too', async () => {
    const zh = await call(system.app, 'POST', '/api/teams', {}, { headers: inChinese });
    expect(zh.status).toBe(400);
    expect(zh.body.error.details).toContainEqual({ path: 'name', message: '必填' });
  });

  it('says a missing date-time is required, not what form it must take, in both languages', async () => {
    const project = await createPlanProject(system.db, { ownerId: (await createUser(system.app, 'Owner', null, 'member')).id, ...year2027 });
    const body = { name: 'Signed', metric: 'revenue', targetValue: 100 };
    const en = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, body, { headers: inEnglish });
    const zh = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, body, { headers: inChinese });
    expect(en.body.error.details).toContainEqual({ path: 'dueAt', message: 'is required' });
    expect(zh.body.error.details).toContainEqual({ path: 'dueAt', message: '必填' });
    const wrong = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, { ...body, dueAt: 'next Friday' }, { headers: inEnglish });
    expect(wrong.body.error.details).toContainEqual({ path: 'dueAt', message: 'must be an ISO 8601 date-time with a time zone, e.g. 2027-03-31T18:00:00+08:00' });
  });

  it('refuses a member with the same 403 code in both languages', async () => {
    const member = await createUser(system.app, 'Mia Member', null, 'member');
    const body = { name: `东区 ${randomUUID().slice(0, 8)}`, memberIds: [] };
    const en = await call(system.app, 'POST', '/api/teams', body, { as: member, headers: inEnglish });
    const zh = await call(system.app, 'POST', '/api/teams', body, { as: member, headers: inChinese });
    expect([en.status, zh.status]).toEqual([403, 403]);
    expect(en.body.error).toEqual({ code: 'forbidden', message: 'Only admin may create teams or change their members; you are signed in as member.', details: [] });
    expect(zh.body.error).toEqual({ code: 'forbidden', message: '只有管理员可以创建团队或更改团队成员；您当前的角色是成员。', details: [] });
  });

  it('refuses a second team of the same name with the same 409 code in both languages', async () => {
    const name = `北区 ${randomUUID().slice(0, 8)}`;
    expect((await call(system.app, 'POST', '/api/teams', { name, memberIds: [] })).status).toBe(201);
    const en = await call(system.app, 'POST', '/api/teams', { name, memberIds: [] }, { headers: inEnglish });
    const zh = await call(system.app, 'POST', '/api/teams', { name, memberIds: [] }, { headers: inChinese });
    expect(en.body.error).toEqual({ code: 'team_name_taken', message: `A team named ${name} already exists.`, details: [{ path: 'name', message: 'already taken' }] });
    expect(zh.body.error).toEqual({ code: 'team_name_taken', message: `名为 ${name} 的团队已存在。`, details: [{ path: 'name', message: '已被占用' }] });
  });

  it('reads the Accept-Language q-values: zh first is Chinese, an unknown language is English', async () => {
    const path = `/api/teams/${randomUUID()}`;
    const message = async (header: string) => (await call(system.app, 'GET', path, undefined, { headers: { 'accept-language': header } })).body.error.message as string;
    expect(await message('zh;q=0.9, en;q=0.8')).toMatch(han);
    expect(await message('en;q=0.5, zh-Hans;q=0.9')).toMatch(han);
    expect(await message('zh-TW, fr-FR;q=0.9')).toMatch(/does not exist\.$/);
    expect(await message('de')).toMatch(/does not exist\.$/);
    expect((await call(system.app, 'GET', path)).body.error.message).toMatch(/does not exist\.$/);
  });

  it('answers the 404 of an unknown route in Chinese too', async () => {
    const zh = await call(system.app, 'GET', '/api/no-such-thing', undefined, { headers: inChinese });
    expect(zh.status).toBe(404);
    expect(zh.body.error).toEqual({ code: 'not_found', message: '没有 GET /api/no-such-thing 这个接口。', details: [] });
  });

  it('says a database outage (503) in the request’s language, with the same code', async () => {
    const app = new Hono().onError(onError).get('/down', () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    const en = await app.request('/down', { headers: inEnglish });
    const zh = await app.request('/down', { headers: inChinese });
    expect([en.status, zh.status]).toEqual([503, 503]);
    expect(await en.json()).toEqual({ error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.', details: [] } });
    expect(await zh.json()).toEqual({ error: { code: 'database_unavailable', message: '数据库暂时无法连接，请稍后重试。', details: [] } });
    expect(zh.headers.get('retry-after')).toBe('5');
  });

  it('says a phase-rule refusal (409) with the same code in both languages, the phase in words', () => {
    const refusal = (() => {
      try {
        requirePhase('editPlan', { phase: 'closing_review' });
      } catch (error) {
        return error;
      }
      throw new Error('the phase rule let the plan change in closing review');
    })();
    expect(refusal).toBeInstanceOf(ApiError);
    const error = refusal as ApiError;
    expect(error.body('en')).toEqual({ code: 'plan_locked', message: 'The plan can only be edited in planning; request a change instead (the project is in closing review).', details: [] });
    expect(error.body('zh-CN')).toEqual({ code: 'plan_locked', message: '计划只能在规划阶段编辑；请改为提交变更申请（项目当前处于结项复盘阶段）。', details: [] });
  });
});
