/**
 * The cascade's run statistics: how many conversations went to the LLM and why, and from the audit
 * sample an estimate of the affective conversations the screen missed, with a 95% Wilson interval.
 */
import { wilsonInterval } from '../../stats/proportion-interval.ts';
import type { Route } from './index.ts';

export interface CascadeStats {
  conversations: number;
  sent: number;
  share_sent: number | null;
  routes: Record<Route, number>;
  audit_rate: number;
  audit: {
    /** Audited conversations the LLM labelled (failures are left out of the estimate). */
    labelled: number;
    affective: number;
    /** Share of screened-out conversations that are affective, 95% Wilson interval. */
    miss_rate: { estimate: number | null; low: number; high: number };
    /** Affective conversations the screen missed among all screened-out ones (rate × count). */
    estimated_missed: { estimate: number | null; low: number; high: number };
  };
}

export function createCascadeTally(auditRate: number) {
  const routes: Record<Route, number> = { affective: 0, uncertain: 0, audit: 0, screen: 0 };
  let auditLabelled = 0;
  let auditAffective = 0;
  return {
    /** `affective`: the LLM's verdict for a sent conversation (null: it failed). */
    add(route: Route, affective?: boolean | null) {
      routes[route] += 1;
      if (route === 'audit' && typeof affective === 'boolean') {
        auditLabelled += 1;
        if (affective) auditAffective += 1;
      }
    },
    summary(): CascadeStats {
      const conversations = routes.affective + routes.uncertain + routes.audit + routes.screen;
      const sent = conversations - routes.screen;
      const screenedOut = routes.audit + routes.screen;
      const rate = wilsonInterval(auditAffective, auditLabelled);
      const scale = (value: number | null) => (value === null ? null : Math.round(value * screenedOut * 10) / 10);
      return {
        conversations,
        sent,
        share_sent: conversations === 0 ? null : sent / conversations,
        routes: { ...routes },
        audit_rate: auditRate,
        audit: {
          labelled: auditLabelled,
          affective: auditAffective,
          miss_rate: rate,
          estimated_missed: { estimate: scale(rate.estimate), low: scale(rate.low) ?? 0, high: scale(rate.high) ?? 0 },
        },
      };
    },
  };
}
