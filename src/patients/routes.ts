import { createRoute, z } from '@hono/zod-openapi';
import { accessContextOf } from '../access/request-context.ts';
import { staffAccess } from '../platform/http/access.ts';
import { createRouter } from '../platform/http/create-app.ts';
import {
  healthRecordSchema,
  healthRecordViewSchema,
  patientSearchSchema,
  patientSummarySchema,
  registerPatientSchema,
} from './schema.ts';
import {
  addHealthRecord,
  lookupPatientByRrn,
  type PatientDeps,
  patientSubject,
  readHealthRecords,
  registerPatient,
} from './service.ts';

/** The care uses that health information serves; marketing is none of them. */
const careUses = [
  'care',
  'treatment_and_billing',
  'education_research',
  'outsourced_tests_and_trials',
];
const registrationUses = ['appointments', 'treatment_and_billing'];

const problem = { description: 'RFC 9457 problem details' };
const purposeHeader = z.object({
  'x-jikim-purpose': z.string().optional().openapi({ description: 'The declared purpose of use' }),
});
const patientParams = z.object({ id: z.string().uuid() });

const registerRoute = createRoute({
  method: 'post',
  path: '/api/v1/patients',
  tags: ['patients'],
  summary: 'Register a patient (원무)',
  middleware: [staffAccess('patients.write', registrationUses)] as const,
  request: {
    headers: purposeHeader,
    body: { content: { 'application/json': { schema: registerPatientSchema } }, required: true },
  },
  responses: {
    201: {
      description: 'Registered',
      content: {
        'application/json': { schema: z.object({ id: z.string(), patientNumber: z.string() }) },
      },
    },
    400: problem,
    401: problem,
    403: problem,
    409: problem,
  },
});

const searchRoute = createRoute({
  method: 'post',
  path: '/api/v1/patients/search',
  tags: ['patients'],
  summary: 'Find a patient by resident registration number (sent in the body, never in a URL)',
  middleware: [
    staffAccess('patients.read', [...registrationUses, 'certificate_issuance', 'care']),
  ] as const,
  request: {
    headers: purposeHeader,
    body: { content: { 'application/json': { schema: patientSearchSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'Matching patients (at most one)',
      content: {
        'application/json': { schema: z.object({ patients: z.array(patientSummarySchema) }) },
      },
    },
    400: problem,
    401: problem,
    403: problem,
  },
});

const readHealthRoute = createRoute({
  method: 'get',
  path: '/api/v1/patients/{id}/health-records',
  tags: ['patients'],
  summary: "Read a patient's health information (진료부)",
  middleware: [
    staffAccess('patients.health.read', careUses, {
      action: 'read',
      items: ['care.health_info'],
      subjects: (params) => (params.id ? [patientSubject(params.id)] : []),
    }),
  ] as const,
  request: { headers: purposeHeader, params: patientParams },
  responses: {
    200: {
      description: 'Health records, newest first',
      content: {
        'application/json': { schema: z.object({ records: z.array(healthRecordViewSchema) }) },
      },
    },
    401: problem,
    403: problem,
    404: problem,
  },
});

const writeHealthRoute = createRoute({
  method: 'post',
  path: '/api/v1/patients/{id}/health-records',
  tags: ['patients'],
  summary: 'Write a health record (진료부)',
  middleware: [
    staffAccess('patients.health.write', ['care', 'treatment_and_billing'], {
      action: 'create',
      items: ['care.health_info'],
      subjects: (params) => (params.id ? [patientSubject(params.id)] : []),
    }),
  ] as const,
  request: {
    headers: purposeHeader,
    params: patientParams,
    body: { content: { 'application/json': { schema: healthRecordSchema } }, required: true },
  },
  responses: {
    201: {
      description: 'Written',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
  },
});

export function patientRoutes(deps: PatientDeps) {
  const app = createRouter();
  app.openapi(registerRoute, async (c) =>
    c.json(await registerPatient(deps, accessContextOf(c), c.req.valid('json')), 201),
  );
  app.openapi(searchRoute, async (c) => {
    const patients = await lookupPatientByRrn(deps, accessContextOf(c), c.req.valid('json').rrn);
    return c.json({ patients }, 200);
  });
  app.openapi(readHealthRoute, async (c) => {
    const records = await readHealthRecords(deps, accessContextOf(c), c.req.valid('param').id);
    return c.json({ records }, 200);
  });
  app.openapi(writeHealthRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await addHealthRecord(deps, accessContextOf(c), id, c.req.valid('json')), 201);
  });
  return app;
}
