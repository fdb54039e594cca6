import type { Child } from 'hono/jsx';
import type { RenderContext } from '../context.ts';

export interface SectionProps {
  ctx: RenderContext;
}

/** A table with its caption and column headings; each row's first cell names the row. */
export function DataTable(props: {
  caption: string;
  columns: string[];
  rows: Child[][];
  class?: string;
}) {
  return (
    <table class={props.class}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col">{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([first, ...rest]) => (
          <tr>
            <th scope="row">{first}</th>
            {rest.map((cell) => (
              <td>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LegalBasis({ ctx, citations }: SectionProps & { citations: readonly string[] }) {
  if (citations.length === 0) return null;
  return (
    <p class="legal-basis">
      {ctx.msg.legalBasis}: {ctx.citations(citations)}
    </p>
  );
}
