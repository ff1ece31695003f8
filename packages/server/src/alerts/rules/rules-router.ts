import { randomBytes } from 'node:crypto';
import { type AlertRule, type AlertRulesResponse, alertRuleInputSchema } from '@snag/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { projectParamsSchema } from '../../analytics/params.js';
import { requireProject } from '../../analytics/require-project.js';
import { actorOf } from '../../auth/actor.js';
import { HttpError } from '../../http/errors.js';
import { validate } from '../../http/validate.js';
import type { Store } from '../../store/client.js';
import { findRule, findRules, type StoredRule, saveRule } from './rules-store.js';

const ruleParams = projectParamsSchema.extend({
  rule: z.string().regex(/^rule_[A-Za-z0-9_-]{1,32}$/, 'not a rule id'),
});
const patchSchema = alertRuleInputSchema.partial().strict();

const view = ({ project_id: _project, ...rule }: StoredRule): AlertRule => rule;

/**
 * `…/alerts/rules`: every role that reads the project lists them; writes need admin (the
 * project access guard in front of every `/projects/:project` route decides by method).
 */
export function alertRulesRouter(
  store: Store,
  requireChannels: (project: string, ids: string[] | undefined) => Promise<void>,
): Router {
  const router = Router();

  router.get('/projects/:project/alerts/rules', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    await requireProject(store, project);
    res.json({ project, rules: (await findRules(store, project)).map(view) } satisfies AlertRulesResponse);
  });

  router.post('/projects/:project/alerts/rules', async (req, res) => {
    const { project } = validate(projectParamsSchema, req.params);
    const input = validate(alertRuleInputSchema, req.body ?? {}, 'invalid_alert_rule');
    await requireProject(store, project);
    await requireChannels(project, input.channel_ids);
    const now = new Date().toISOString();
    const actor = actorOf(res);
    const rule: StoredRule = {
      project_id: project,
      id: `rule_${randomBytes(9).toString('base64url')}`,
      ...input,
      created_by: actor,
      created_at: now,
      updated_by: actor,
      updated_at: now,
    };
    await saveRule(store, rule);
    res.status(201).json(view(rule));
  });

  router.get('/projects/:project/alerts/rules/:rule', async (req, res) => {
    const { project, rule: id } = validate(ruleParams, req.params);
    res.json(view(await existing(store, project, id)));
  });

  router.patch('/projects/:project/alerts/rules/:rule', async (req, res) => {
    const { project, rule: id } = validate(ruleParams, req.params);
    const changes = validate(patchSchema, req.body ?? {}, 'invalid_alert_rule');
    const rule = await existing(store, project, id);
    await requireChannels(project, changes.channel_ids);
    const updated: StoredRule = {
      ...rule,
      // Only the fields the body names: the schema's defaults must not reset the others.
      ...Object.fromEntries(Object.entries(changes).filter(([field]) => Object.hasOwn(req.body, field))),
      updated_by: actorOf(res),
      updated_at: nextUpdate(rule),
    };
    await saveRule(store, updated);
    res.json(view(updated));
  });

  router.delete('/projects/:project/alerts/rules/:rule', async (req, res) => {
    const { project, rule: id } = validate(ruleParams, req.params);
    const rule = await existing(store, project, id);
    const deleted = {
      ...rule,
      updated_by: actorOf(res),
      updated_at: nextUpdate(rule),
    };
    await saveRule(store, deleted, true);
    res.status(204).end();
  });
  return router;
}

/** A change's `updated_at`: now, and always after the version it replaces (the newest row wins). */
function nextUpdate(rule: StoredRule): string {
  return new Date(Math.max(Date.now(), Date.parse(rule.updated_at) + 1)).toISOString();
}

async function existing(store: Store, project: string, id: string): Promise<StoredRule> {
  const rule = await findRule(store, project, id);
  if (!rule) throw new HttpError(404, 'alert_rule_not_found', `no alert rule ${id} in project "${project}"`);
  return rule;
}
