import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { describe, expect, it } from 'vitest';
import { closedRunsQuery, entityOfWorkflow, workflowIdOf } from '../../../audit/archive.js';
import { maskHistory, maskPii } from '../../../audit/mask.js';
import { maskIdNumber, maskName, maskPhone } from '../../../security/pii.js';

describe('PII masking', () => {
  it('masks phone numbers, id numbers and names in the usual formats', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('95588')).toBe('*5588');
    expect(maskPhone('110')).toBe('***');
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('A123')).toBe('****');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('Li Wei')).toBe('L*****');
    expect(maskName('X')).toBe('*');
  });

  it('masks phone and idNumber anywhere, and name only under customer; leaves the input untouched', () => {
    const value = {
      customer: { ref: 'c1', name: '张三', phone: '13812345678', idNumber: '110101199003071234', address: { phone: 13900001111 } },
      owner: { name: 'Cai Agent', phone: '95588123' },
      history: [{ customer: { name: 'Li Wei' } }],
      customerName: 'kept',
      sealed: { customer: { phone: 'v1.aXY.dGFn.Y3Q', name: 'v2.AbC-12_x.aXY.dGFn.Y3Q' } },
    };
    const copy = structuredClone(value);
    expect(maskPii(value)).toEqual({
      customer: { ref: 'c1', name: '张*', phone: '138****5678', idNumber: '110***********1234', address: { phone: '139****1111' } },
      owner: { name: 'Cai Agent', phone: '****8123' },
      history: [{ customer: { name: 'L*****' } }],
      customerName: 'kept',
      sealed: { customer: { phone: '[encrypted]', name: '[encrypted]' } },
    });
    expect(value).toEqual(copy);
    expect(maskPii(null)).toBeNull();
    expect(maskPii(['13812345678'])).toEqual(['13812345678']);
  });

  it('masks inside json/plain payloads of a history and keeps it a valid history document', () => {
    const payload = (v: unknown) => ({ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from(JSON.stringify(v)).toString('base64') });
    const history = {
      events: [
        {
          eventId: '1',
          eventTime: '2026-11-27T09:00:00Z',
          eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
          workflowExecutionStartedEventAttributes: {
            workflowType: { name: 'complaint' },
            taskQueue: { name: 'cxgov', kind: 'TASK_QUEUE_KIND_NORMAL' },
            input: { payloads: [payload({ customer: { name: '张三', phone: '13812345678' }, ref: 'r1' })] },
          },
        },
      ],
    };
    const masked = maskHistory(history) as typeof history;
    const data = masked.events[0]!.workflowExecutionStartedEventAttributes.input.payloads[0]!.data;
    expect(JSON.parse(Buffer.from(data, 'base64').toString())).toEqual({ customer: { name: '张*', phone: '138****5678' }, ref: 'r1' });
    expect(historyFromJSON(masked).events).toHaveLength(1);
    expect(JSON.stringify(masked)).not.toContain(Buffer.from('13812345678').toString('base64').slice(0, 8));
  });
});

describe('workflow ids and sweeps', () => {
  it('maps workflow ids to entities and back', () => {
    expect(entityOfWorkflow('initiative-7f3')).toEqual({ entityType: 'initiative', entityId: '7f3' });
    expect(entityOfWorkflow('complaint-c-1')).toEqual({ entityType: 'complaint', entityId: 'c-1' });
    expect(entityOfWorkflow('report-2026-11')).toEqual({ entityType: 'other', entityId: 'report-2026-11' });
    expect(entityOfWorkflow('complaint-')).toEqual({ entityType: 'other', entityId: 'complaint-' });
    expect(workflowIdOf('complaint', 'c-1')).toBe('complaint-c-1');
    expect(workflowIdOf('policy', 'sla')).toBeNull();
    expect(workflowIdOf('workflow', 'report-monthly-2026-11')).toBe('report-monthly-2026-11');
    expect(entityOfWorkflow('incident-9a')).toEqual({ entityType: 'incident', entityId: '9a' });
    expect(entityOfWorkflow('target-proposal-5b')).toEqual({ entityType: 'target_proposal', entityId: '5b' });
    expect(entityOfWorkflow('improvement-hot_issue.category:fees')).toEqual({ entityType: 'improvement', entityId: 'hot_issue.category:fees' });
    expect(entityOfWorkflow('cxgov-incident-watch-2026-11-27T09:00:00Z')).toEqual({ entityType: 'other', entityId: 'cxgov-incident-watch-2026-11-27T09:00:00Z' });
    expect(workflowIdOf('target_proposal', '5b')).toBe('target-proposal-5b');
    expect(workflowIdOf('incident', '9a')).toBe('incident-9a');
  });

  it('builds the visibility query of a sweep', () => {
    expect(closedRunsQuery({})).toBe('ExecutionStatus != "Running"');
    expect(closedRunsQuery({ taskQueue: 'cxgov', closedSince: new Date('2026-11-27T09:00:00Z') })).toBe(
      'ExecutionStatus != "Running" AND TaskQueue = "cxgov" AND CloseTime >= "2026-11-27T09:00:00.000Z"',
    );
    expect(() => closedRunsQuery({ taskQueue: 'a" OR "1"="1' })).toThrow();
  });
});
