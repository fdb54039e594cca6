import type { FC } from 'hono/jsx';
import type { SectionId } from '../../declaration.ts';
import { ChangesBody, NoticeBody, ScopeBody, WithdrawalBody } from './closing.tsx';
import { CctvBody, CookiesBody } from './devices.tsx';
import { DestructionBody, OfficerBody, SafeguardsBody } from './operations.tsx';
import type { SectionProps } from './parts.tsx';
import {
  IntroBody,
  ProcessorsBody,
  PurposesBody,
  RetentionBody,
  ThirdPartyBody,
} from './processing.tsx';
import { ChildrenBody, ItemsBody, RightsBody } from './subjects.tsx';

export type { SectionProps } from './parts.tsx';

/** The body of each section under its heading; one entry per section id. */
export const sectionBodies: Record<SectionId, FC<SectionProps>> = {
  intro: IntroBody,
  purposes: PurposesBody,
  retention: RetentionBody,
  third_party: ThirdPartyBody,
  processors: ProcessorsBody,
  rights: RightsBody,
  children: ChildrenBody,
  items: ItemsBody,
  destruction: DestructionBody,
  officer: OfficerBody,
  safeguards: SafeguardsBody,
  cookies: CookiesBody,
  cctv: CctvBody,
  withdrawal: WithdrawalBody,
  scope: ScopeBody,
  notice: NoticeBody,
  changes: ChangesBody,
};
