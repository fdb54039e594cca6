import { z } from '@hono/zod-openapi';
import { bilingual } from '../platform/errors.ts';

const rrn = z
  .string()
  .trim()
  .regex(
    /^\d{6}-?\d{7}$/,
    bilingual(
      '주민등록번호는 13자리 숫자입니다 (예: 900101-2345678)',
      'A resident registration number has 13 digits (e.g. 900101-2345678)',
    ),
  );

const phone = z
  .string()
  .trim()
  .regex(
    /^(\+82[\s-]?)?0?1[016789][\s-]?\d{3,4}[\s-]?\d{4}$|^0\d{1,2}[\s-]?\d{3,4}[\s-]?\d{4}$/,
    bilingual(
      '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)',
      'Not a valid phone number (e.g. 010-1234-5678)',
    ),
  );

/** 진료예약 및 진료 시 필수항목, as the front desk registers a patient. */
export const registerPatientSchema = z
  .object({
    name: z.string().trim().min(1, bilingual('이름을 입력하세요', 'Enter the name')).max(100),
    rrn: rrn.optional(),
    foreignerNumber: rrn
      .optional()
      .openapi({ description: '외국인등록번호 (13 digits), for foreigners only' }),
    address: z.string().trim().min(1).max(300),
    department: z.string().trim().min(1).max(100),
    phone,
  })
  .refine((p) => Boolean(p.rrn) !== Boolean(p.foreignerNumber), {
    path: ['rrn'],
    message: bilingual(
      '주민등록번호 또는 외국인등록번호 중 하나를 입력하세요',
      'Enter either a resident registration number or a foreigner registration number',
    ),
  })
  .openapi('RegisterPatient');
export type RegisterPatientInput = z.infer<typeof registerPatientSchema>;

export const patientSearchSchema = z.object({ rrn }).openapi('PatientSearchByRrn');

export const healthRecordSchema = z
  .object({
    recordClass: z.enum([
      'medical_record',
      'prescription',
      'surgery_record',
      'test_results',
      'radiographs',
      'nursing_record',
      'midwifery_record',
    ]),
    body: z.string().trim().min(1).max(20_000),
  })
  .openapi('HealthRecordInput');
export type HealthRecordInput = z.infer<typeof healthRecordSchema>;

export const patientSummarySchema = z
  .object({ id: z.string().uuid(), patientNumber: z.string(), name: z.string() })
  .openapi('PatientSummary');

export const healthRecordViewSchema = z
  .object({
    id: z.string(),
    recordClass: z.string(),
    body: z.string(),
    writtenBy: z.string(),
    writtenAt: z.string(),
  })
  .openapi('HealthRecord');
